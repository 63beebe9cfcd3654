package dev.vchat.client;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code --version}: the project version Maven records in the jar, or "development build". */
final class VersionProvider implements CommandLine.IVersionProvider {

  private static final String POM_PROPERTIES = "/META-INF/maven/dev.vchat/vchat/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"vchat client " + version()};
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "development build");
      }
    } catch (IOException ignored) {
      // fall through
    }
    return "development build";
  }
}
