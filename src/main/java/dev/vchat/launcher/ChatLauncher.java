package dev.vchat.launcher;

import ch.qos.logback.classic.LoggerContext;
import dev.vchat.bench.BenchCommand;
import dev.vchat.client.ClientCommand;
import dev.vchat.cluster.HazelcastSetup;
import dev.vchat.config.ChatConfig;
import dev.vchat.config.ConfigException;
import dev.vchat.config.ConfigLoader;
import dev.vchat.metrics.ChatMetrics;
import dev.vchat.metrics.Monitoring;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.ExitCodes;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * {@code java -jar chat.jar [options]}: Vert.x's application launcher (the options
 * {@code vertx run} users know: -conf, -cluster, -instances, -options ...) with the chat's
 * rules: the configuration is -conf, else ./config.json, else the defaults, and a bad value
 * stops start-up with exit code 1; -instances sets the number of TCP verticle instances;
 * -cluster (or "cluster": true) joins a Hazelcast cluster configured from the chat's keys.
 * {@code java -jar chat.jar client ...} runs the terminal client instead (docs/CLIENT.md),
 * {@code java -jar chat.jar bench ...} the load generator (docs/PERFORMANCE.md).
 */
public class ChatLauncher extends VertxApplication implements VertxApplicationHooks {

  private static final Logger log = LoggerFactory.getLogger(ChatLauncher.class);

  private final ChatConfig config;
  private final boolean clustered;
  private final String instancesOption;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("client")) {
      exit(ClientCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("bench")) {
      exit(BenchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    int exitCode = launch(args);
    if (exitCode != 0) {
      exit(exitCode);
    }
  }

  private static void exit(int code) {
    flushLogs();
    System.exit(code);
  }

  /**
   * Stops logback, which writes out the lines its asynchronous console appender still queues
   * (logback.xml). Call it right before the JVM ends: nothing is logged after it.
   */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop();
    }
  }

  /** Runs the server; returns the launcher's exit code (0 once deployed). */
  static int launch(String[] args) {
    ChatConfig config;
    try {
      config = ConfigLoader.load(LauncherArgs.value(args, "conf"));
    } catch (ConfigException e) {
      log.error("bad configuration: {}", e.getMessage());
      return ExitCodes.SOFTWARE;
    }
    boolean clusterFlag = LauncherArgs.flag(args, "cluster", "c");
    String[] launcherArgs = config.cluster() && !clusterFlag ? append(args, "-cluster") : args;
    return new ChatLauncher(launcherArgs, config, config.cluster() || clusterFlag).launch();
  }

  private ChatLauncher(String[] args, ChatConfig config, boolean clustered) {
    // exitOnFailure false: main exits, once the log is written out
    super(args, null, true, false);
    this.config = config;
    this.clustered = clustered;
    this.instancesOption = LauncherArgs.value(args, "instances");
  }

  @Override
  public JsonObject afterConfigParsed(JsonObject parsedByLauncher) {
    return config.toJson();
  }

  @Override
  public VertxBuilder createVertxBuilder(VertxOptions options) {
    Monitoring.withMetrics(options, config);
    VertxBuilder builder = clustered ? HazelcastSetup.clusteredBuilder(options, config) : Vertx.builder().with(options);
    return builder.withTransport(config.transport().resolve());
  }

  @Override
  public void afterVertxStarted(HookContext context) {
    log.info(JvmSettings.describe());
    ChatMetrics.useRegistryOf(context.vertx(), context.vertxOptions());
  }

  @Override
  public void beforeDeployingVerticle(HookContext context) {
    if (instancesOption == null) {
      return;
    }
    // -instances means chat instances; the main verticle itself deploys once
    JsonObject withInstances = context.deploymentOptions().getConfig().copy()
      .put("instances", context.deploymentOptions().getInstances());
    try {
      ChatConfig.fromJson(withInstances);
    } catch (ConfigException e) {
      log.error("bad configuration: {}", e.getMessage());
      throw e;
    }
    context.deploymentOptions().setConfig(withInstances).setInstances(1);
  }

  /**
   * Vert.x closed in the shutdown hook. After a stop (SIGTERM, Ctrl-C) of a server that ran,
   * every user was told and has left and the node left the cluster: a JVM ended by a signal
   * exits 143, a clean stop is exit 0, so halt with 0 now that nothing is left to do. When the
   * chat never deployed (a port in use, a signal during start-up), the JVM is exiting with its
   * own code (the launcher's, or 143): leave it that.
   */
  @Override
  public void afterVertxStopped(HookContext context) {
    if (context.deploymentId() == null) {
      flushLogs();
      return;
    }
    log.info("vchat stopped");
    flushLogs();
    Runtime.getRuntime().halt(0);
  }

  /** Vert.x did not close within the launcher's 2 minutes, or failed to: the JVM exits 143, with the log written out. */
  @Override
  public void afterFailureToStopVertx(HookContext context, Throwable cause) {
    flushLogs();
  }

  private static String[] append(String[] args, String extra) {
    String[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = extra;
    return all;
  }
}
