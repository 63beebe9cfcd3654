package dev.vchat.config;

import dev.vchat.core.Language;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server's settings, parsed once from the JSON configuration and validated.
 * Every key of {@code config.json} is a component here, with its default below.
 */
public record ChatConfig(
  String host,
  int port,
  int instances,
  NetTransport transport,
  int idleTimeoutSeconds,
  int maxLineBytes,
  Language language,
  int writeQueueBytes,
  int slowReaderGraceMillis,
  boolean cluster,
  String clusterName,
  String clusterHost,
  int clusterPort,
  List<String> clusterMembers,
  int clusterFailureSeconds,
  boolean webEnabled,
  int webPort,
  boolean metricsEnabled,
  int floodMessagesPerSecond,
  int floodBurst,
  int floodKickRefusals,
  int floodKickWindowSeconds,
  int maxConnections,
  int maxConnectionsPerIp,
  String tlsCertPath,
  String tlsKeyPath,
  int historyLines,
  int maxRooms,
  int ircPort,
  boolean ircAutoJoin,
  String ircServerName,
  int ircTlsPort,
  List<String> webAllowedOrigins,
  int webJoinTimeoutMillis,
  int opsPort,
  String opsHost,
  Map<String, String> ircOperators,
  String ircPassword,
  String clusterTlsCertPath,
  String clusterTlsKeyPath,
  String clusterTlsCaPath) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8888;
  /** 0 means one TCP verticle instance per available core. */
  public static final int DEFAULT_INSTANCES = 0;
  /** Netty's native transport where there is one (epoll on Linux), else Java NIO. */
  public static final NetTransport DEFAULT_TRANSPORT = NetTransport.AUTO;
  /** 0 disables the idle kick. */
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
  public static final int DEFAULT_MAX_LINE_BYTES = 4096;
  public static final Language DEFAULT_LANGUAGE = Language.EN;
  public static final int DEFAULT_WRITE_QUEUE_BYTES = 256 * 1024;
  public static final int DEFAULT_SLOW_READER_GRACE_MILLIS = 10_000;
  /** Also switched on by the launcher's -cluster. */
  public static final boolean DEFAULT_CLUSTER = false;
  public static final String DEFAULT_CLUSTER_NAME = "vchat";
  /** The interface Hazelcast and the clustered event bus bind to. */
  public static final String DEFAULT_CLUSTER_HOST = "127.0.0.1";
  public static final int DEFAULT_CLUSTER_PORT = 5701;
  /** Where to look for other members: host or host:port, TCP/IP, no multicast. */
  public static final List<String> DEFAULT_CLUSTER_MEMBERS = List.of("127.0.0.1");
  /**
   * A member silent this long is declared dead and its users leave. 30 s, not a few: a stop-the-world
   * GC, a VM migration or a host under swap can freeze a healthy JVM for seconds, and a member
   * declared dead while it is only paused loses its users (leave notices for people who never left)
   * and splits the cluster until Hazelcast's merge. 30 s is the order of Hazelcast's own production
   * guidance (its default is 60 s); heartbeats stay at 1 s, so this is only how long a real death
   * takes to be noticed.
   */
  public static final int DEFAULT_CLUSTER_FAILURE_SECONDS = 30;
  /** The browser chat (HTTP page, SockJS bridge, /health); false opens no web port (only the opsPort server, if set). */
  public static final boolean DEFAULT_WEB_ENABLED = true;
  /** The HTTP port of the browser chat, on the same {@code host} as the TCP chat. */
  public static final int DEFAULT_WEB_PORT = 8080;
  /** Vert.x's Micrometer metrics and {@code GET /metrics} on the web port (docs/OPERATIONS.md). */
  public static final boolean DEFAULT_METRICS_ENABLED = true;

  /** Flood control: lines per second a user may send on average (token bucket refill); 0 turns it off. */
  public static final int DEFAULT_FLOOD_MESSAGES_PER_SECOND = 20;
  /** Flood control: lines a user may send at once before the rate applies (bucket size). */
  public static final int DEFAULT_FLOOD_BURST = 60;
  /** A user refused this many lines within {@code floodKickWindowSeconds} is disconnected; 0 never kicks. */
  public static final int DEFAULT_FLOOD_KICK_REFUSALS = 100;
  public static final int DEFAULT_FLOOD_KICK_WINDOW_SECONDS = 10;
  /** Users connected to a node, TCP and browser, all instances together; 0 means no limit. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
  /** Users connected to a node from one source IP address, TCP and browser; 0 means no limit. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 50;
  /** PEM certificate (chain) for TLS on the chat port; empty (with an empty key) means plain TCP. */
  public static final String DEFAULT_TLS_CERT_PATH = "";
  /** PEM private key for TLS on the chat port; set together with {@code tlsCertPath}. */
  public static final String DEFAULT_TLS_KEY_PATH = "";
  /** Chat lines kept per room for {@code history} and for newcomers to a room; 0 keeps none. */
  public static final int DEFAULT_HISTORY_LINES = 100;
  /** Rooms whose history is kept; past that, the room spoken in least recently is forgotten. */
  public static final int DEFAULT_MAX_ROOMS = 1000;
  /**
   * Origins (e.g. {@code https://chat.example.org}) whose pages may open the bridge, besides the
   * page's own origin (the Host the request was made to), which is always allowed; {@code "*"}
   * allows any (docs/WEB.md, security model).
   */
  public static final List<String> DEFAULT_WEB_ALLOWED_ORIGINS = List.of();
  /** A bridge socket that has not joined this long after it opened is closed. */
  public static final int DEFAULT_WEB_JOIN_TIMEOUT_MILLIS = 10_000;
  /** 0: the operator's routes are on the web port; otherwise on their own HTTP server on this port. */
  public static final int DEFAULT_OPS_PORT = 0;
  /** The interface the operator's own HTTP server (when {@code opsPort} > 0) binds to. */
  public static final String DEFAULT_OPS_HOST = "127.0.0.1";

  /**
   * PEM certificate (chain) of this node for TLS on the clustered event bus; with
   * {@code clusterTlsKeyPath} and {@code clusterTlsCaPath}, or all three empty (plain event bus).
   */
  public static final String DEFAULT_CLUSTER_TLS_CERT_PATH = "";
  /** PEM private key of this node's event-bus certificate. */
  public static final String DEFAULT_CLUSTER_TLS_KEY_PATH = "";
  /** PEM certificate(s) of the CA that signs every node's certificate: the only peers accepted. */
  public static final String DEFAULT_CLUSTER_TLS_CA_PATH = "";

  /** The IRC listener (irssi, WeeChat, HexChat ...), on the same {@code host}; 0 turns it off. */
  public static final int DEFAULT_IRC_PORT = 6667;
  /** Whether an IRC user lands in #lobby after registering, as every other user does. */
  public static final boolean DEFAULT_IRC_AUTO_JOIN = true;

  /** IRC over TLS (the chat port's certificate), when TLS is configured and IRC is on; 0 turns it off. */
  public static final int DEFAULT_IRC_TLS_PORT = 6697;
  /** The server's name in IRC prefixes and numerics (one word, such as a host name). */
  public static final String DEFAULT_IRC_SERVER_NAME = "vchat";

  /**
   * IRC operators (OPER NAME PASSWORD): name to a PBKDF2 hash of the password, never the password
   * itself ({@link #OPER_HASH}); none by default, and then OPER is refused.
   */
  public static final Map<String, String> DEFAULT_IRC_OPERATORS = Map.of();
  /** The IRC connection password (PASS), as a hash in the {@link #OPER_HASH} form; empty: none asked. */
  public static final String DEFAULT_IRC_PASSWORD = "";
  /** {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}, salt and hash in base64 (java -cp chat.jar dev.vchat.irc.OperPassword makes one). */
  public static final Pattern OPER_HASH = Pattern.compile("pbkdf2-sha256:([1-9][0-9]{0,7}):([A-Za-z0-9+/]+=*):([A-Za-z0-9+/]+=*)");

  public static final ChatConfig DEFAULTS = fromJson(new JsonObject());

  private static final Set<String> KEYS = Set.of(
    "host", "port", "instances", "transport", "idleTimeoutSeconds", "maxLineBytes", "language",
    "writeQueueBytes", "slowReaderGraceMillis",
    "cluster", "clusterName", "clusterHost", "clusterPort", "clusterMembers", "clusterFailureSeconds",
    "webEnabled", "webPort", "metricsEnabled",
        "floodMessagesPerSecond", "floodBurst", "floodKickRefusals", "floodKickWindowSeconds",
    "maxConnections", "maxConnectionsPerIp", "tlsCertPath", "tlsKeyPath", "historyLines", "maxRooms",
    "ircPort", "ircAutoJoin", "ircServerName", "ircTlsPort",
    "webAllowedOrigins", "webJoinTimeoutMillis", "opsPort", "opsHost", "ircOperators", "ircPassword",
    "clusterTlsCertPath", "clusterTlsKeyPath", "clusterTlsCaPath");

  /** Parses and validates; unknown keys are refused so that a typo cannot pass unnoticed. */
  public static ChatConfig fromJson(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException("unknown config key \"" + key + "\" (known keys: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
    }
    JsonReader in = new JsonReader(json);
    String tlsCertPath = in.string("tlsCertPath", DEFAULT_TLS_CERT_PATH).trim();
    String tlsKeyPath = in.string("tlsKeyPath", DEFAULT_TLS_KEY_PATH).trim();
    if (tlsCertPath.isEmpty() != tlsKeyPath.isEmpty()) {
      throw new ConfigException("config keys \"tlsCertPath\" and \"tlsKeyPath\" must be set together (both empty: plain TCP)"
        + (tlsCertPath.isEmpty() ? "; \"tlsCertPath\" is empty" : "; \"tlsKeyPath\" is empty"));
    }
    String clusterTlsCertPath = in.string("clusterTlsCertPath", DEFAULT_CLUSTER_TLS_CERT_PATH).trim();
    String clusterTlsKeyPath = in.string("clusterTlsKeyPath", DEFAULT_CLUSTER_TLS_KEY_PATH).trim();
    String clusterTlsCaPath = in.string("clusterTlsCaPath", DEFAULT_CLUSTER_TLS_CA_PATH).trim();
    clusterTlsAllOrNone(clusterTlsCertPath, clusterTlsKeyPath, clusterTlsCaPath);
    int port = in.integer("port", DEFAULT_PORT, 0, 65535);
    int ircPort = in.integer("ircPort", DEFAULT_IRC_PORT, 0, 65535);
    if (ircPort != 0 && ircPort == port) {
      throw new ConfigException("config key \"ircPort\" must differ from \"port\" (" + port + "); 0 turns IRC off");
    }
    int ircTlsPort = in.integer("ircTlsPort", DEFAULT_IRC_TLS_PORT, 0, 65535);
    if (ircTlsPort != 0 && (ircTlsPort == port || ircTlsPort == ircPort)) {
      throw new ConfigException("config key \"ircTlsPort\" must differ from \"port\" and \"ircPort\"; 0 turns IRC over TLS off");
    }
    return new ChatConfig(
      in.nonBlank("host", DEFAULT_HOST),
      port,
      in.integer("instances", DEFAULT_INSTANCES, 0, 1024),
      transport(in.string("transport", DEFAULT_TRANSPORT.code())),
      in.integer("idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS, 0, 86_400 * 7),
      in.integer("maxLineBytes", DEFAULT_MAX_LINE_BYTES, 16, 1024 * 1024),
      language(in.string("language", DEFAULT_LANGUAGE.code())),
      in.integer("writeQueueBytes", DEFAULT_WRITE_QUEUE_BYTES, 4096, 64 * 1024 * 1024),
      in.integer("slowReaderGraceMillis", DEFAULT_SLOW_READER_GRACE_MILLIS, 0, 600_000),
      in.bool("cluster", DEFAULT_CLUSTER),
      in.nonBlank("clusterName", DEFAULT_CLUSTER_NAME),
      in.nonBlank("clusterHost", DEFAULT_CLUSTER_HOST),
      in.integer("clusterPort", DEFAULT_CLUSTER_PORT, 1, 65535),
      in.strings("clusterMembers", DEFAULT_CLUSTER_MEMBERS),
      in.integer("clusterFailureSeconds", DEFAULT_CLUSTER_FAILURE_SECONDS, 1, 600),
      in.bool("webEnabled", DEFAULT_WEB_ENABLED),
      in.integer("webPort", DEFAULT_WEB_PORT, 0, 65535),
      in.bool("metricsEnabled", DEFAULT_METRICS_ENABLED),
      in.integer("floodMessagesPerSecond", DEFAULT_FLOOD_MESSAGES_PER_SECOND, 0, 1_000_000),
      in.integer("floodBurst", DEFAULT_FLOOD_BURST, 1, 1_000_000),
      in.integer("floodKickRefusals", DEFAULT_FLOOD_KICK_REFUSALS, 0, 1_000_000),
      in.integer("floodKickWindowSeconds", DEFAULT_FLOOD_KICK_WINDOW_SECONDS, 1, 3600),
      in.integer("maxConnections", DEFAULT_MAX_CONNECTIONS, 0, 10_000_000),
      in.integer("maxConnectionsPerIp", DEFAULT_MAX_CONNECTIONS_PER_IP, 0, 10_000_000),
      tlsCertPath,
      tlsKeyPath,
      in.integer("historyLines", DEFAULT_HISTORY_LINES, 0, 10_000),
      in.integer("maxRooms", DEFAULT_MAX_ROOMS, 1, 1_000_000),
      ircPort,
      in.bool("ircAutoJoin", DEFAULT_IRC_AUTO_JOIN),
      ircServerName(in.nonBlank("ircServerName", DEFAULT_IRC_SERVER_NAME)),
      ircTlsPort,
      origins(in.list("webAllowedOrigins", DEFAULT_WEB_ALLOWED_ORIGINS)),
      in.integer("webJoinTimeoutMillis", DEFAULT_WEB_JOIN_TIMEOUT_MILLIS, 100, 600_000),
      in.integer("opsPort", DEFAULT_OPS_PORT, 0, 65535),
      in.nonBlank("opsHost", DEFAULT_OPS_HOST),
      ircOperators(json.getValue("ircOperators")),
      ircPassword(in.string("ircPassword", DEFAULT_IRC_PASSWORD)),
      clusterTlsCertPath,
      clusterTlsKeyPath,
      clusterTlsCaPath);
  }

  /** The event bus is either encrypted and authenticated with all three files, or plain with none. */
  private static void clusterTlsAllOrNone(String cert, String key, String ca) {
    List<String> missing = new java.util.ArrayList<>();
    if (cert.isEmpty()) {
      missing.add("\"clusterTlsCertPath\"");
    }
    if (key.isEmpty()) {
      missing.add("\"clusterTlsKeyPath\"");
    }
    if (ca.isEmpty()) {
      missing.add("\"clusterTlsCaPath\"");
    }
    if (!missing.isEmpty() && missing.size() < 3) {
      throw new ConfigException("config keys \"clusterTlsCertPath\", \"clusterTlsKeyPath\" and \"clusterTlsCaPath\" must be set together"
        + " (all empty: a plain event bus); empty: " + String.join(", ", missing));
    }
  }

  /** Whether the IRC listener is on ({@code ircPort} not 0). */
  public boolean ircEnabled() {
    return ircPort != 0;
  }

  /** Whether IRC over TLS listens: IRC on, TLS configured, {@code ircTlsPort} not 0. */
  public boolean ircTlsEnabled() {
    return ircEnabled() && tlsEnabled() && ircTlsPort != 0;
  }

  /** Whether the chat port speaks TLS: both PEM paths are set. */
  public boolean tlsEnabled() {
    return !tlsCertPath.isEmpty();
  }

  /** Whether the clustered event bus speaks TLS with client certificates: its three PEM paths are set. */
  public boolean clusterTlsEnabled() {
    return !clusterTlsCertPath.isEmpty();
  }

  /**
   * Checks that the TLS files, when configured, are readable files; blocking file-system calls,
   * so call it before Vert.x starts (the launcher does) or off the event loop.
   */
  public ChatConfig checkFiles() {
    if (tlsEnabled()) {
      readableFile("tlsCertPath", tlsCertPath);
      readableFile("tlsKeyPath", tlsKeyPath);
    }
    if (clusterTlsEnabled()) {
      readableFile("clusterTlsCertPath", clusterTlsCertPath);
      readableFile("clusterTlsKeyPath", clusterTlsKeyPath);
      readableFile("clusterTlsCaPath", clusterTlsCaPath);
    }
    return this;
  }

  private static void readableFile(String key, String path) {
    java.nio.file.Path file;
    try {
      file = java.nio.file.Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException("config key \"" + key + "\": " + path + " is not a file name");
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new ConfigException("config key \"" + key + "\": " + path + ": no such file");
    }
    if (!java.nio.file.Files.isReadable(file)) {
      throw new ConfigException("config key \"" + key + "\": " + path + ": cannot be read");
    }
  }

  /** The instance count to deploy: {@link #instances()}, or one per core when it is 0. */
  public int effectiveInstances() {
    return instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
  }

  public JsonObject toJson() {
    return new JsonObject()
      .put("host", host)
      .put("port", port)
      .put("instances", instances)
      .put("transport", transport.code())
      .put("idleTimeoutSeconds", idleTimeoutSeconds)
      .put("maxLineBytes", maxLineBytes)
      .put("language", language.code())
      .put("writeQueueBytes", writeQueueBytes)
      .put("slowReaderGraceMillis", slowReaderGraceMillis)
      .put("cluster", cluster)
      .put("clusterName", clusterName)
      .put("clusterHost", clusterHost)
      .put("clusterPort", clusterPort)
      .put("clusterMembers", new JsonArray(clusterMembers))
      .put("clusterFailureSeconds", clusterFailureSeconds)
      .put("webEnabled", webEnabled)
      .put("webPort", webPort)
      .put("metricsEnabled", metricsEnabled)
      .put("floodMessagesPerSecond", floodMessagesPerSecond)
      .put("floodBurst", floodBurst)
      .put("floodKickRefusals", floodKickRefusals)
      .put("floodKickWindowSeconds", floodKickWindowSeconds)
      .put("maxConnections", maxConnections)
      .put("maxConnectionsPerIp", maxConnectionsPerIp)
      .put("tlsCertPath", tlsCertPath)
      .put("tlsKeyPath", tlsKeyPath)
      .put("historyLines", historyLines)
      .put("maxRooms", maxRooms)
      .put("ircPort", ircPort)
      .put("ircAutoJoin", ircAutoJoin)
      .put("ircServerName", ircServerName)
      .put("ircTlsPort", ircTlsPort)
      .put("webAllowedOrigins", new JsonArray(webAllowedOrigins))
      .put("webJoinTimeoutMillis", webJoinTimeoutMillis)
      .put("opsPort", opsPort)
      .put("opsHost", opsHost)
      .put("ircOperators", new JsonObject(new TreeMap<String, Object>(ircOperators)))
      .put("ircPassword", ircPassword)
      .put("clusterTlsCertPath", clusterTlsCertPath)
      .put("clusterTlsKeyPath", clusterTlsKeyPath)
      .put("clusterTlsCaPath", clusterTlsCaPath);
  }

  private static String ircPassword(String hash) {
    if (!hash.isEmpty() && !OPER_HASH.matcher(hash).matches()) {
      throw new ConfigException("config key \"ircPassword\" must be empty (no password) or a hash pbkdf2-sha256:ITERATIONS:SALT:HASH"
        + " (make one with java -cp chat.jar dev.vchat.irc.OperPassword), never the password itself");
    }
    return hash;
  }

  /** Each a name without spaces (what OPER takes) to a password hash in the {@link #OPER_HASH} form. */
  private static Map<String, String> ircOperators(Object value) {
    if (value == null) {
      return DEFAULT_IRC_OPERATORS;
    }
    if (!(value instanceof JsonObject operators)) {
      throw new ConfigException("config key \"ircOperators\" must be an object of name to password hash, not " + value);
    }
    Map<String, String> checked = new TreeMap<>();
    for (String name : operators.fieldNames()) {
      Object hash = operators.getValue(name);
      if (!name.matches("[^\\s:,]{1,64}")) {
        throw new ConfigException("config key \"ircOperators\": the name \"" + name + "\" must be 1 to 64 characters without spaces, ':' or ','");
      }
      if (!(hash instanceof String s) || !OPER_HASH.matcher(s).matches()) {
        throw new ConfigException("config key \"ircOperators\": the password of \"" + name
          + "\" must be a hash pbkdf2-sha256:ITERATIONS:SALT:HASH (make one with java -cp chat.jar dev.vchat.irc.OperPassword), never the password itself");
      }
      checked.put(name, s);
    }
    return Map.copyOf(checked);
  }

  /** Each an origin as browsers send it ({@code scheme://host[:port]}, no path), or "*". */
  private static List<String> origins(List<String> origins) {
    for (String origin : origins) {
      if (!origin.equals("*") && !origin.matches("https?://[^/\\s?#@]+")) {
        throw new ConfigException("config key \"webAllowedOrigins\" holds \"" + origin
          + "\": each must be an origin like \"https://chat.example.org\" or \"http://host:8080\" (no path), or \"*\"");
      }
    }
    return origins.stream().map(String::toLowerCase).toList();
  }

  private static String ircServerName(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9.\\-]*")) {
      throw new ConfigException("config key \"ircServerName\" must be one word of letters, digits, '.' and '-', not \"" + name + "\"");
    }
    return name;
  }

  private static Language language(String code) {
    return Language.fromCode(code).orElseThrow(() ->
      new ConfigException("config key \"language\" must be \"en\" or \"zh\", not \"" + code + "\""));
  }

  private static NetTransport transport(String code) {
    return NetTransport.fromCode(code).orElseThrow(() ->
      new ConfigException("config key \"transport\" must be \"auto\", \"epoll\", \"io_uring\" or \"nio\", not \"" + code + "\""));
  }

  /** Typed reads with defaults; every failure names its key. */
  private record JsonReader(JsonObject json) {

    String string(String key, String fallback) {
      Object value = json.getValue(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof String s)) {
        throw new ConfigException("config key \"" + key + "\" must be a string, not " + value);
      }
      return s;
    }

    String nonBlank(String key, String fallback) {
      String value = string(key, fallback);
      if (value.isBlank()) {
        throw new ConfigException("config key \"" + key + "\" must not be blank");
      }
      return value;
    }

    boolean bool(String key, boolean fallback) {
      Object value = json.getValue(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof Boolean b)) {
        throw new ConfigException("config key \"" + key + "\" must be true or false, not " + value);
      }
      return b;
    }

    List<String> strings(String key, List<String> fallback) {
      Object value = json.getValue(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof JsonArray array) || array.isEmpty()
        || !array.stream().allMatch(item -> item instanceof String s && !s.isBlank())) {
        throw new ConfigException("config key \"" + key + "\" must be a non-empty list of strings, not " + value);
      }
      return array.stream().map(String.class::cast).toList();
    }

    /** A list of non-blank strings, possibly empty. */
    List<String> list(String key, List<String> fallback) {
      Object value = json.getValue(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof JsonArray array) || !array.stream().allMatch(item -> item instanceof String s && !s.isBlank())) {
        throw new ConfigException("config key \"" + key + "\" must be a list of strings, not " + value);
      }
      return array.stream().map(String.class::cast).map(String::trim).toList();
    }

    int integer(String key, int fallback, int min, int max) {
      Object value = json.getValue(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof Integer || value instanceof Long) ) {
        throw new ConfigException("config key \"" + key + "\" must be a whole number, not " + value);
      }
      long n = ((Number) value).longValue();
      if (n < min || n > max) {
        throw new ConfigException("config key \"" + key + "\" must be between " + min + " and " + max + ", not " + n);
      }
      return (int) n;
    }
  }
}
