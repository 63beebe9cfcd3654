package dev.vchat.metrics;

import dev.vchat.config.ChatConfig;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.util.UUID;

/**
 * Switches on Vert.x's Micrometer metrics (event bus, net and HTTP servers, JVM) in a Prometheus
 * registry. Metrics options must be on {@link VertxOptions} before Vert.x is built: the launcher
 * calls this from {@code createVertxBuilder}.
 */
public final class Monitoring {

  private Monitoring() {
  }

  /** {@code options} with Micrometer metrics on, unless {@code metricsEnabled} is false. */
  public static VertxOptions withMetrics(VertxOptions options, ChatConfig config) {
    if (!config.metricsEnabled() || options.getMetricsOptions() != null && options.getMetricsOptions().isEnabled()) {
      return options; // off, or set by the operator with -options
    }
    return options.setMetricsOptions(new MicrometerMetricsOptions()
      .setEnabled(true)
      .setJvmMetricsEnabled(true)
      .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
      // its own name: Vert.x keeps registries in a static map, and tests run several Vert.x in one JVM
      .setRegistryName("vchat-" + UUID.randomUUID()));
  }
}
