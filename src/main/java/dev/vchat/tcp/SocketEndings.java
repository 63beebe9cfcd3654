package dev.vchat.tcp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

import java.util.List;

/** How a line-based TCP listener (the chat port, IRC) turns a newcomer away and waits for its users at shutdown. */
public final class SocketEndings {

  /** A refused newcomer has this long to take its one line before it is closed anyway. */
  private static final long REFUSE_CLOSE_MILLIS = 1_000;
  /** How long a stopping listener waits for its users to leave. */
  private static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  private SocketEndings() {
  }

  /** Tells a newcomer why it is turned away ({@code line}, ending included), reads nothing more, closes. */
  public static void refuse(Vertx vertx, NetSocket socket, Buffer line) {
    socket.handler(ignored -> { });
    socket.exceptionHandler(ignored -> { });
    long forceClose = vertx.setTimer(REFUSE_CLOSE_MILLIS, id -> socket.close());
    socket.write(line).onComplete(ar -> {
      vertx.cancelTimer(forceClose);
      socket.close();
    });
  }

  /** Completes when every user has left, or after {@link #SHUTDOWN_WAIT_MILLIS}, whichever comes first. */
  public static Future<Void> allLeft(Vertx vertx, List<Future<Void>> leaving) {
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(SHUTDOWN_WAIT_MILLIS, id -> done.tryComplete());
    Future.join(leaving).onComplete(ar -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }
}
