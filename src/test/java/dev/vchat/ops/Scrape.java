package dev.vchat.ops;

import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** HTTP to a running server's web port, and the values of its Prometheus metrics. */
final class Scrape {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;

  Scrape(int webPort) {
    this.base = "http://127.0.0.1:" + webPort + "/";
  }

  HttpResponse<String> get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET /" + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  JsonObject json(String path) {
    return new JsonObject(get(path).body());
  }

  /** The value of one series, e.g. {@code vchat_kicks_total{reason="idle"}}; 0 when absent. */
  static double value(String scrape, String series) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  double value(String series) {
    return value(get("metrics").body(), series);
  }

  /** Waits (bounded) until the series has the value: counters move just after the lines they count. */
  void await(String series, double expected) {
    long deadline = System.nanoTime() + TestUser.TIMEOUT.toNanos();
    double last = value(series);
    while (last != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(series + " is " + last + ", expected " + expected);
      }
      sleep();
      last = value(series);
    }
  }

  /** Waits (bounded) until GET path answers this status code. */
  HttpResponse<String> awaitStatus(String path, int code) {
    long deadline = System.nanoTime() + TestUser.TIMEOUT.toNanos();
    HttpResponse<String> response = get(path);
    while (response.statusCode() != code) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("GET /" + path + " answers " + response.statusCode() + ": " + response.body());
      }
      sleep();
      response = get(path);
    }
    return response;
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
