package dev.vchat.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatConfigTest {

  @Test
  void theShippedConfigFileHoldsEveryKeyWithItsDefault() throws Exception {
    JsonObject shipped = new JsonObject(Files.readString(Path.of("config.json")));
    assertEquals(ChatConfig.DEFAULTS.toJson(), shipped);
    assertEquals(ChatConfig.DEFAULTS, ChatConfig.fromJson(shipped));
  }

  @Test
  void anEmptyConfigIsTheDefaults() {
    ChatConfig config = ChatConfig.fromJson(new JsonObject());
    assertEquals(8888, config.port());
    assertEquals(4096, config.maxLineBytes());
    assertEquals("en", config.language().code());
    assertEquals(NetTransport.AUTO, config.transport());
  }

  @Test
  void aClusterRidesOutAPauseOfSecondsByDefault() {
    ChatConfig config = ChatConfig.fromJson(new JsonObject());
    assertEquals(30, config.clusterFailureSeconds());
    com.hazelcast.config.Config hazelcast = dev.vchat.cluster.HazelcastSetup.hazelcastConfig(config);
    assertEquals("1", hazelcast.getProperty("hazelcast.heartbeat.interval.seconds"));
    assertEquals("deadline", hazelcast.getProperty("hazelcast.heartbeat.failuredetector.type"));
    assertEquals("30", hazelcast.getProperty("hazelcast.max.no.heartbeat.seconds"));
    assertEquals("60000", hazelcast.getProperty("hazelcast.operation.call.timeout.millis"));
    ChatConfig slow = ChatConfig.fromJson(new JsonObject().put("clusterFailureSeconds", 45));
    assertEquals("90000", dev.vchat.cluster.HazelcastSetup.hazelcastConfig(slow).getProperty("hazelcast.operation.call.timeout.millis"));
  }

  @Test
  void everyBadValueNamesItsKey() {
    assertRefused(new JsonObject().put("port", "x"), "\"port\"");
    assertRefused(new JsonObject().put("port", 70000), "\"port\"");
    assertRefused(new JsonObject().put("port", 1.5), "\"port\"");
    assertRefused(new JsonObject().put("instances", -1), "\"instances\"");
    assertRefused(new JsonObject().put("idleTimeoutSeconds", -5), "\"idleTimeoutSeconds\"");
    assertRefused(new JsonObject().put("maxLineBytes", 0), "\"maxLineBytes\"");
    assertRefused(new JsonObject().put("language", "fr"), "\"language\"");
    assertRefused(new JsonObject().put("language", 1), "\"language\"");
    assertRefused(new JsonObject().put("transport", "kqueue2"), "\"transport\"");
    assertRefused(new JsonObject().put("transport", true), "\"transport\"");
    assertRefused(new JsonObject().put("host", " "), "\"host\"");
    assertRefused(new JsonObject().put("writeQueueBytes", 10), "\"writeQueueBytes\"");
    assertRefused(new JsonObject().put("slowReaderGraceMillis", -1), "\"slowReaderGraceMillis\"");
    assertRefused(new JsonObject().put("prot", 1), "\"prot\"");
    assertRefused(new JsonObject().put("cluster", "yes"), "\"cluster\"");
    assertRefused(new JsonObject().put("clusterMembers", new io.vertx.core.json.JsonArray()), "\"clusterMembers\"");
    assertRefused(new JsonObject().put("clusterMembers", "127.0.0.1"), "\"clusterMembers\"");
    assertRefused(new JsonObject().put("clusterPort", 0), "\"clusterPort\"");
    assertRefused(new JsonObject().put("clusterFailureSeconds", 0), "\"clusterFailureSeconds\"");
  }

  @Test
  void theIrcListenerIsOnByDefaultAndItsKeysAreChecked() {
    ChatConfig defaults = ChatConfig.fromJson(new JsonObject());
    assertEquals(6667, defaults.ircPort());
    assertTrue(defaults.ircEnabled());
    assertTrue(defaults.ircAutoJoin());
    assertEquals(false, ChatConfig.fromJson(new JsonObject().put("ircPort", 0)).ircEnabled());
    assertRefused(new JsonObject().put("ircPort", 70000), "\"ircPort\"");
    assertRefused(new JsonObject().put("ircPort", "6667"), "\"ircPort\"");
    assertRefused(new JsonObject().put("ircPort", 7000).put("port", 7000), "\"ircPort\"");
    assertRefused(new JsonObject().put("ircAutoJoin", "yes"), "\"ircAutoJoin\"");
    assertEquals("irc.example.org", ChatConfig.fromJson(new JsonObject().put("ircServerName", "irc.example.org")).ircServerName());
    assertRefused(new JsonObject().put("ircServerName", "two words"), "\"ircServerName\"");
    assertRefused(new JsonObject().put("ircServerName", ":x"), "\"ircServerName\"");
    assertEquals(6697, defaults.ircTlsPort());
    assertEquals(false, defaults.ircTlsEnabled(), "no TLS without a certificate");
    assertRefused(new JsonObject().put("ircTlsPort", 6667), "\"ircTlsPort\"");
    assertRefused(new JsonObject().put("ircTlsPort", 8888), "\"ircTlsPort\"");
  }

  @Test
  void everyBadHardeningValueNamesItsKey() {
    assertRefused(new JsonObject().put("floodMessagesPerSecond", -1), "\"floodMessagesPerSecond\"");
    assertRefused(new JsonObject().put("floodMessagesPerSecond", "fast"), "\"floodMessagesPerSecond\"");
    assertRefused(new JsonObject().put("floodBurst", 0), "\"floodBurst\"");
    assertRefused(new JsonObject().put("floodBurst", 2.5), "\"floodBurst\"");
    assertRefused(new JsonObject().put("floodKickRefusals", -1), "\"floodKickRefusals\"");
    assertRefused(new JsonObject().put("floodKickWindowSeconds", 0), "\"floodKickWindowSeconds\"");
    assertRefused(new JsonObject().put("floodKickWindowSeconds", 3601), "\"floodKickWindowSeconds\"");
    assertRefused(new JsonObject().put("maxConnections", -1), "\"maxConnections\"");
    assertRefused(new JsonObject().put("maxConnections", "many"), "\"maxConnections\"");
    assertRefused(new JsonObject().put("maxConnectionsPerIp", -3), "\"maxConnectionsPerIp\"");
    assertRefused(new JsonObject().put("tlsCertPath", 1), "\"tlsCertPath\"");
    assertRefused(new JsonObject().put("tlsKeyPath", true), "\"tlsKeyPath\"");
    assertRefused(new JsonObject().put("tlsCertPath", "cert.pem"), "\"tlsKeyPath\"");
    assertRefused(new JsonObject().put("tlsKeyPath", "key.pem"), "\"tlsCertPath\"");
  }

  @Test
  void historyKeysAreCheckedAndDefaultTo100LinesAnd1000Rooms() {
    assertEquals(100, ChatConfig.DEFAULTS.historyLines());
    assertEquals(1000, ChatConfig.DEFAULTS.maxRooms());
    assertEquals(0, ChatConfig.fromJson(new JsonObject().put("historyLines", 0)).historyLines());
    assertRefused(new JsonObject().put("historyLines", -1), "\"historyLines\"");
    assertRefused(new JsonObject().put("historyLines", 10_001), "\"historyLines\"");
    assertRefused(new JsonObject().put("historyLines", "all"), "\"historyLines\"");
    assertRefused(new JsonObject().put("maxRooms", 0), "\"maxRooms\"");
    assertRefused(new JsonObject().put("maxRooms", 1.5), "\"maxRooms\"");
  }

  @Test
  void webSecurityKeysAreCheckedAndDefaultToTheOwnOriginAndOpsOnTheWebPort() {
    ChatConfig defaults = ChatConfig.DEFAULTS;
    assertEquals(java.util.List.of(), defaults.webAllowedOrigins());
    assertEquals(10_000, defaults.webJoinTimeoutMillis());
    assertEquals(0, defaults.opsPort());
    assertEquals("127.0.0.1", defaults.opsHost());
    ChatConfig set = ChatConfig.fromJson(new JsonObject()
      .put("webAllowedOrigins", new io.vertx.core.json.JsonArray().add("https://Chat.Example.org").add("http://10.0.0.5:8080").add("*"))
      .put("webJoinTimeoutMillis", 500).put("opsPort", 9100).put("opsHost", "0.0.0.0"));
    assertEquals(java.util.List.of("https://chat.example.org", "http://10.0.0.5:8080", "*"), set.webAllowedOrigins());
    assertEquals(set, ChatConfig.fromJson(set.toJson()));
    for (String bad : new String[] {"chat.example.org", "https://chat.example.org/", "https://chat.example.org/page", "ftp://x", "null"}) {
      assertRefused(new JsonObject().put("webAllowedOrigins", new io.vertx.core.json.JsonArray().add(bad)), "\"webAllowedOrigins\"");
    }
    assertRefused(new JsonObject().put("webAllowedOrigins", "*"), "\"webAllowedOrigins\"");
    assertRefused(new JsonObject().put("webAllowedOrigins", new io.vertx.core.json.JsonArray().add(1)), "\"webAllowedOrigins\"");
    assertRefused(new JsonObject().put("webJoinTimeoutMillis", 99), "\"webJoinTimeoutMillis\"");
    assertRefused(new JsonObject().put("webJoinTimeoutMillis", "10s"), "\"webJoinTimeoutMillis\"");
    assertRefused(new JsonObject().put("opsPort", -1), "\"opsPort\"");
    assertRefused(new JsonObject().put("opsPort", 65536), "\"opsPort\"");
    assertRefused(new JsonObject().put("opsHost", ""), "\"opsHost\"");
  }

  @Test
  void hardeningDefaultsAreOnAndTlsIsOff() {
    ChatConfig config = ChatConfig.DEFAULTS;
    assertEquals(20, config.floodMessagesPerSecond());
    assertEquals(60, config.floodBurst());
    assertEquals(100, config.floodKickRefusals());
    assertEquals(10, config.floodKickWindowSeconds());
    assertEquals(10_000, config.maxConnections());
    assertEquals(50, config.maxConnectionsPerIp());
    assertEquals(false, config.tlsEnabled());
    assertEquals(config, config.checkFiles());
  }

  @Test
  void tlsFilesMustExistAndTheLoaderChecksThem(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Files.writeString(cert, "not really a cert");
    Files.writeString(key, "not really a key");
    JsonObject both = new JsonObject().put("tlsCertPath", cert.toString()).put("tlsKeyPath", key.toString());
    assertTrue(ChatConfig.fromJson(both).checkFiles().tlsEnabled());

    JsonObject noCert = both.copy().put("tlsCertPath", dir.resolve("nope.pem").toString());
    ConfigException missingCert = assertThrows(ConfigException.class, () -> ChatConfig.fromJson(noCert).checkFiles());
    assertTrue(missingCert.getMessage().contains("\"tlsCertPath\"") && missingCert.getMessage().contains("no such file"),
      missingCert.getMessage());

    JsonObject keyIsDir = both.copy().put("tlsKeyPath", dir.toString());
    ConfigException dirKey = assertThrows(ConfigException.class, () -> ConfigLoader.load(keyIsDir.encode()));
    assertTrue(dirKey.getMessage().contains("\"tlsKeyPath\""), dirKey.getMessage());
  }

  @Test
  void theEventBusTlsFilesAreAllOrNoneAndMustBeReadable(@TempDir Path dir) throws Exception {
    assertEquals(false, ChatConfig.DEFAULTS.clusterTlsEnabled());
    Path cert = dir.resolve("node.pem");
    Path key = dir.resolve("node.key");
    Path ca = dir.resolve("ca.pem");
    for (Path file : new Path[] {cert, key, ca}) {
      Files.writeString(file, "not really PEM");
    }
    JsonObject all = new JsonObject().put("clusterTlsCertPath", cert.toString()).put("clusterTlsKeyPath", key.toString())
      .put("clusterTlsCaPath", ca.toString());
    ChatConfig tls = ChatConfig.fromJson(all).checkFiles();
    assertTrue(tls.clusterTlsEnabled());
    assertEquals(tls, ChatConfig.fromJson(tls.toJson()));

    assertRefused(all.copy().put("clusterTlsCertPath", 5), "\"clusterTlsCertPath\"");
    assertRefused(all.copy().put("clusterTlsKeyPath", false), "\"clusterTlsKeyPath\"");
    assertRefused(all.copy().put("clusterTlsCaPath", new io.vertx.core.json.JsonArray()), "\"clusterTlsCaPath\"");
    // one or two of the three: refused, naming the missing ones
    assertRefused(all.copy().put("clusterTlsCaPath", ""), "empty: \"clusterTlsCaPath\"");
    assertRefused(all.copy().put("clusterTlsKeyPath", " "), "empty: \"clusterTlsKeyPath\"");
    assertRefused(new JsonObject().put("clusterTlsCertPath", cert.toString()), "empty: \"clusterTlsKeyPath\", \"clusterTlsCaPath\"");
    assertRefused(new JsonObject().put("clusterTlsCaPath", ca.toString()), "empty: \"clusterTlsCertPath\", \"clusterTlsKeyPath\"");

    JsonObject noCa = all.copy().put("clusterTlsCaPath", dir.resolve("nope.pem").toString());
    ConfigException missingCa = assertThrows(ConfigException.class, () -> ConfigLoader.load(noCa.encode()));
    assertTrue(missingCa.getMessage().contains("\"clusterTlsCaPath\"") && missingCa.getMessage().contains("no such file"),
      missingCa.getMessage());
    JsonObject keyIsDir = all.copy().put("clusterTlsKeyPath", dir.toString());
    ConfigException dirKey = assertThrows(ConfigException.class, () -> ConfigLoader.load(keyIsDir.encode()));
    assertTrue(dirKey.getMessage().contains("\"clusterTlsKeyPath\""), dirKey.getMessage());
    Path unreadable = dir.resolve("secret.pem");
    Files.writeString(unreadable, "x");
    if (unreadable.toFile().setReadable(false, false) && !Files.isReadable(unreadable)) {
      JsonObject noRead = all.copy().put("clusterTlsCertPath", unreadable.toString());
      ConfigException cannotRead = assertThrows(ConfigException.class, () -> ConfigLoader.load(noRead.encode()));
      assertTrue(cannotRead.getMessage().contains("\"clusterTlsCertPath\"") && cannotRead.getMessage().contains("cannot be read"),
        cannotRead.getMessage());
    }
  }

  @Test
  void theLoaderReadsAFileOrInlineJsonAndRefusesWhatItCannotRead(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.json");
    Files.writeString(good, "{\"port\": 9999}");
    assertEquals(9999, ConfigLoader.load(good.toString()).port());
    assertEquals(7777, ConfigLoader.load("{\"port\": 7777}").port());

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"port\": ");
    ConfigException notJson = assertThrows(ConfigException.class, () -> ConfigLoader.load(broken.toString()));
    assertTrue(notJson.getMessage().contains("broken.json"), notJson.getMessage());

    ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.json").toString()));
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

    Files.writeString(good, "[1, 2]");
    assertThrows(ConfigException.class, () -> ConfigLoader.load(good.toString()));
  }

  @Test
  void ircOperatorsAreNamesToPasswordHashesNeverPasswords() {
    String hash = "pbkdf2-sha256:600000:c2FsdHNhbHRzYWx0c2FsdA==:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
    assertEquals(java.util.Map.of("root", hash),
      ChatConfig.fromJson(new JsonObject().put("ircOperators", new JsonObject().put("root", hash))).ircOperators());
    assertEquals(java.util.Map.of(), ChatConfig.DEFAULTS.ircOperators());
    assertRefused(new JsonObject().put("ircOperators", new JsonObject().put("root", "s3cret")), "\"ircOperators\"");
    assertRefused(new JsonObject().put("ircOperators", new JsonObject().put("root", 42)), "\"ircOperators\"");
    assertRefused(new JsonObject().put("ircOperators", new JsonObject().put("root", "pbkdf2-sha256:0:c2FsdA==:aGFzaA==")),
      "\"ircOperators\"");
    assertRefused(new JsonObject().put("ircOperators", new JsonObject().put("two words", hash)), "\"ircOperators\"");
    assertRefused(new JsonObject().put("ircOperators", new io.vertx.core.json.JsonArray().add("root")), "\"ircOperators\"");
    assertEquals(hash, ChatConfig.fromJson(new JsonObject().put("ircPassword", hash)).ircPassword());
    assertRefused(new JsonObject().put("ircPassword", "letmein"), "\"ircPassword\"");
    assertRefused(new JsonObject().put("ircPassword", 42), "\"ircPassword\"");
  }

  private static void assertRefused(JsonObject json, String key) {
    ConfigException e = assertThrows(ConfigException.class, () -> ChatConfig.fromJson(json));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }
}
