package dev.vchat.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SockJS's XHR polling transport written by hand, as a browser without WebSocket uses it:
 * {@code POST /eventbus/<server>/<session>/xhr} opens the session and then fetches frames,
 * {@code POST .../xhr_send} carries a JSON array of bridge frames, each a JSON string.
 */
final class XhrSession {

  private final String base;
  private final Deque<JsonObject> frames = new ArrayDeque<>();

  private XhrSession(int webPort) {
    this.base = "http://127.0.0.1:" + webPort + "/eventbus/042/" + UUID.randomUUID() + "/";
  }

  /** Opens a session: the first answer is SockJS's open frame {@code o}. */
  static XhrSession open(int webPort) {
    XhrSession session = new XhrSession(webPort);
    Answer open = session.post("xhr", "");
    assertEquals(200, open.statusCode(), open.body());
    assertEquals("o\n", open.body());
    return session;
  }

  /**
   * One POST on a connection of its own, as SockJS's XHR polling closes the connection after
   * each answer (a client that reuses connections would race that close).
   */
  Answer post(String what, String body, String... headers) {
    return Answer.post(URI.create(base + what), body, headers);
  }

  /** Status and body of an HTTP/1.1 answer, read to the end of the connection. */
  record Answer(int statusCode, String body, String head) {

    static Answer post(URI uri, String body, String... headers) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        socket.setSoTimeout(30_000);
        StringBuilder head = new StringBuilder("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: " + bytes.length + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
          head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        try {
          socket.getOutputStream().write(bytes);
        } catch (IOException closedEarly) {
          // refused by its Content-Length: the answer is already there
        }
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        int end = answer.indexOf("\r\n\r\n");
        String responseHead = answer.substring(0, end);
        String payload = answer.substring(end + 4);
        if (responseHead.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
          payload = dechunk(payload);
        }
        return new Answer(Integer.parseInt(responseHead.substring(9, 12)),
          new String(payload.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), responseHead);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String dechunk(String chunked) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (true) {
        int eol = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
        if (size == 0) {
          return out.toString();
        }
        out.append(chunked, eol + 2, eol + 2 + size);
        at = eol + 2 + size + 2;
      }
    }
  }

  /** Sends bridge frames in one xhr_send, as sockjs-client batches them; SockJS answers 204. */
  XhrSession send(JsonObject... bridgeFrames) {
    JsonArray batch = new JsonArray();
    for (JsonObject frame : bridgeFrames) {
      batch.add(frame.encode());
    }
    Answer sent = post("xhr_send", batch.encode());
    assertEquals(204, sent.statusCode(), sent.body());
    return this;
  }

  /** The next bridge frame that matches, polling as long as needed (skipping others). */
  JsonObject await(Predicate<JsonObject> match) {
    List<JsonObject> skipped = new ArrayList<>();
    long deadline = System.nanoTime() + BridgeClient.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      while (!frames.isEmpty()) {
        JsonObject frame = frames.poll();
        if (match.test(frame)) {
          return frame;
        }
        skipped.add(frame);
      }
      Answer polled = post("xhr", "");
      assertEquals(200, polled.statusCode(), polled.body());
      String body = polled.body();
      if (body.startsWith("a")) {
        for (Object item : new JsonArray(body.substring(1).trim())) {
          frames.add(new JsonObject((String) item));
        }
      } else if (body.startsWith("c")) {
        fail("the session was closed: " + body + "; skipped " + skipped);
      }
    }
    return fail("no matching frame; got " + skipped);
  }

  static JsonObject frame(String type, String address) {
    return new JsonObject().put("type", type).put("address", address).put("headers", new JsonObject());
  }
}
