package dev.vchat.launcher;

import dev.vchat.client.ClientCommand;
import dev.vchat.config.ChatConfig;
import dev.vchat.config.ConfigException;
import dev.vchat.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * {@code java -jar chat.jar [options]}: Vert.x's application launcher (the options
 * {@code vertx run} users know: -conf, -cluster, -instances, -options ...) with the chat's
 * configuration rules: -conf, else ./config.json, else the defaults; a bad value stops start-up
 * with exit code 1; -instances sets the number of TCP verticle instances.
 * {@code java -jar chat.jar client ...} runs the terminal client instead (docs/CLIENT.md).
 */
public class ChatLauncher extends VertxApplication implements VertxApplicationHooks {

  private static final Logger log = LoggerFactory.getLogger(ChatLauncher.class);

  private final String confOption;
  private final String instancesOption;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("client")) {
      System.exit(ClientCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    new ChatLauncher(args, true).launch();
  }

  public ChatLauncher(String[] args, boolean exitOnFailure) {
    super(args, null, true, exitOnFailure);
    this.confOption = LauncherArgs.value(args, "conf");
    this.instancesOption = LauncherArgs.value(args, "instances");
  }

  @Override
  public JsonObject afterConfigParsed(JsonObject parsedByLauncher) {
    try {
      return ConfigLoader.load(confOption).toJson();
    } catch (ConfigException e) {
      throw refuse(e);
    }
  }

  @Override
  public void beforeDeployingVerticle(HookContext context) {
    if (instancesOption == null) {
      return;
    }
    // -instances means chat instances; the main verticle itself deploys once
    JsonObject config = context.deploymentOptions().getConfig().copy().put("instances", context.deploymentOptions().getInstances());
    try {
      ChatConfig.fromJson(config);
    } catch (ConfigException e) {
      throw refuse(e);
    }
    context.deploymentOptions().setConfig(config).setInstances(1);
  }

  private static RuntimeException refuse(ConfigException e) {
    log.error("bad configuration: {}", e.getMessage());
    return e;
  }
}
