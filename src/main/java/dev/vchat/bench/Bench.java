package dev.vchat.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One bench run: connect the users (a few per event loop at a time), wait for the join storm
 * to settle, stop the slow readers, send, wait for the deliveries to drain, report.
 */
final class Bench {

  private static final int USERS_PER_SOURCE_IP = 5_000;
  private static final long POLL_MILLIS = 20;

  private final BenchCommand o;
  private final List<Shard> shards = new ArrayList<>();
  private final List<BenchUser> users = new ArrayList<>();
  /** Kept in a field: unreferenced clients are closed by a Cleaner. */
  private final List<NetClient> clients = new ArrayList<>();
  private final AtomicInteger connectFailures = new AtomicInteger();
  private volatile String lastConnectError;
  private final List<Integer> ports;
  /** IRC nicks are this plus the user's index: two random letters, so that a run does not meet the last one's nicks. */
  private final String nickPrefix;
  private Vertx vertx;

  Bench(BenchCommand options) {
    this.o = options;
    this.ports = options.serverPorts();
    Random random = new Random();
    this.nickPrefix = "b" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
  }

  private boolean irc() {
    return o.protocol == BenchCommand.Protocol.IRC;
  }

  BenchReport run() throws InterruptedException {
    int loops = o.eventLoops > 0 ? o.eventLoops : Runtime.getRuntime().availableProcessors();
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
    try {
      return measure(loops);
    } finally {
      vertx.close().await();
    }
  }

  private BenchReport measure(int loops) throws InterruptedException {
    BenchReport r = new BenchReport(o);
    r.openFileLimit = ProcStats.openFileLimit();
    for (int i = 0; i < loops; i++) {
      // from a non-Vert.x thread, each call makes a new context on the next event loop
      shards.add(new Shard(vertx.getOrCreateContext(), o.senders, irc()));
    }
    int ips = o.sourceIps > 0 ? o.sourceIps : (o.users + USERS_PER_SOURCE_IP - 1) / USERS_PER_SOURCE_IP;
    r.sourceIps = ips;
    for (int ip = 1; ip <= ips; ip++) {
      NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(30_000);
      if (ips > 1) {
        options.setLocalAddress("127.0.0." + ip);
      }
      clients.add(vertx.createNetClient(options));
    }
    for (int i = 0; i < o.users; i++) {
      users.add(new BenchUser(i, shards.get(i % loops)));
    }

    r.serverRssIdleKib = serverRssKib();
    long connectStart = System.nanoTime();
    List<Future<Void>> connecting = new ArrayList<>();
    for (Shard shard : shards) {
      List<BenchUser> mine = users.stream().filter(u -> u.shard == shard).toList();
      connecting.add(connectAll(shard, mine));
    }
    awaitAtMost(Future.join(connecting), o.joinTimeoutSeconds);
    long connected = System.nanoTime();
    r.connected = (int) users.stream().filter(u -> u.registered().succeeded()).count();
    r.connectFailures = connectFailures.get();
    r.lastConnectError = lastConnectError;
    r.connectSeconds = seconds(connected - connectStart);

    // the join storm: every user is told of every later one
    long deadline = connectStart + TimeUnit.SECONDS.toNanos(o.joinTimeoutSeconds);
    long quiet = TimeUnit.MILLISECONDS.toNanos(o.quietMillis);
    while (true) {
      long now = System.nanoTime();
      long last = Math.max(connected, shards.stream().mapToLong(s -> s.lastLineNanos).max().orElse(0));
      if (now - last >= quiet || now >= deadline) {
        r.joinSettledSeconds = seconds(last - connectStart);
        break;
      }
      Thread.sleep(POLL_MILLIS);
    }
    r.onlineNotices = shards.stream().mapToLong(s -> s.onlineNotices).sum();
    r.closedBeforeSending = closed();
    r.serverRssHeldKib = serverRssKib();

    List<BenchUser> live = users.stream().filter(u -> u.registered().succeeded()).toList();
    List<BenchUser> slow = live.subList(Math.max(o.senders, live.size() - o.slowReaders), live.size());
    for (BenchUser user : slow) {
      user.shard.context.runOnContext(v -> {
        user.slow = true;
        user.socket.pause();
      });
    }
    List<BenchUser> readers = live.stream().filter(u -> !slow.contains(u)).toList();
    r.readers = readers.size();
    r.slowReaders = slow.size();
    if (o.senders > 0 && live.size() >= o.senders) {
      send(r, live.subList(0, o.senders), readers);
    }
    r.closedAtEnd = closed();
    r.serverRssAfterKib = serverRssKib();
    return r;
  }

  /**
   * The server's RSS, after a full GC in it first with --server-gc. G1 gives the heap it no longer
   * needs back to the system after the collection, on a thread of its own: read at once, a
   * 5,000-user IRC storm's heap (2.3 GB) was still counted; some seconds later it was gone.
   */
  private long serverRssKib() {
    if (o.serverGc) {
      ProcStats.fullGc(o.serverPid);
      return ProcStats.settledRssKib(o.serverPid);
    }
    return ProcStats.rssKib(o.serverPid);
  }

  private void send(BenchReport r, List<BenchUser> senderUsers, List<BenchUser> readers) throws InterruptedException {
    long cpu0 = ProcStats.ownCpuNanos();
    long serverCpu0 = ProcStats.cpuNanos(o.serverPid);
    long start = System.nanoTime();
    long timedFrom = start + (long) (o.warmupSeconds * 1e9);
    for (Shard shard : shards) {
      shard.countFrom = start;
      shard.timedFrom = timedFrom;
    }
    long deadline = o.durationSeconds > 0 ? start + TimeUnit.SECONDS.toNanos(o.durationSeconds) : Long.MAX_VALUE;
    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < senderUsers.size(); i++) {
      senders.add(new Sender(vertx, senderUsers.get(i), i, o.messages, deadline, o.rate, o.size, irc(),
        o.privateMessages ? readers : List.of()));
    }
    List<Future<Long>> sending = senders.stream().map(Sender::start).toList();
    long bound = o.durationSeconds > 0 ? o.durationSeconds + 30L : BenchCommand.MAX_SECONDS;
    awaitAtMost(Future.join(sending), bound);
    senders.forEach(Sender::stop);
    long sent = 0;
    for (Future<Long> f : sending) {
      sent += f.isComplete() && f.succeeded() ? f.result() : 0;
    }
    long sendEnd = System.nanoTime();
    r.sent = sent;
    // an IRC server does not echo a sender its own message; the chat does
    r.expected = o.privateMessages ? sent : irc() ? sent * (readers.size() - 1) : sent * readers.size();

    long drain = TimeUnit.MILLISECONDS.toNanos(o.drainMillis);
    long lastProgress = System.nanoTime();
    long seen = -1;
    while (true) {
      long received = shards.stream().mapToLong(s -> s.received).sum();
      long now = System.nanoTime();
      if (received != seen) {
        seen = received;
        lastProgress = now;
      }
      if (received >= r.expected || now - lastProgress >= drain) {
        break;
      }
      Thread.sleep(POLL_MILLIS);
    }
    long lastDelivery = shards.stream().mapToLong(s -> s.lastMessageNanos).max().orElse(sendEnd);
    long cpu1 = ProcStats.ownCpuNanos();
    long serverCpu1 = ProcStats.cpuNanos(o.serverPid);

    Histogram latency = new Histogram(3);
    for (Shard shard : shards) {
      Shard.Snapshot s = shard.snapshot().await();
      latency.add(s.latency());
      r.received += s.received();
      r.reordered += s.reordered();
      r.echoes += s.echoes();
      r.otherLines += s.other();
    }
    r.latency = latency;
    r.sendSeconds = seconds(sendEnd - start);
    r.deliverySeconds = seconds(Math.max(lastDelivery, sendEnd) - start);
    r.benchCpuCores = cpu0 < 0 ? -1 : (cpu1 - cpu0) / (double) (Math.max(lastDelivery, sendEnd) - start);
    r.serverCpuCores = serverCpu0 < 0 ? -1 : (serverCpu1 - serverCpu0) / (double) (Math.max(lastDelivery, sendEnd) - start);
  }

  /** Connects {@code mine} from the shard's loop, a bounded number at a time. */
  private Future<Void> connectAll(Shard shard, List<BenchUser> mine) {
    Promise<Void> all = Promise.promise();
    if (mine.isEmpty()) {
      all.complete();
      return all.future();
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] connectNext = new Runnable[1];
    connectNext[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= mine.size()) {
        return;
      }
      BenchUser user = mine.get(i);
      NetClient client = clients.get(user.index * clients.size() / o.users);
      client.connect(ports.get(user.index % ports.size()), o.host).compose(socket -> {
        user.attach(socket, irc() ? nickPrefix + user.index : null);
        return user.registered();
      }).onComplete(ar -> {
        if (ar.failed()) {
          connectFailures.incrementAndGet();
          lastConnectError = ar.cause().getMessage();
        }
        if (finished.incrementAndGet() == mine.size()) {
          all.complete();
        } else {
          connectNext[0].run();
        }
      });
    };
    shard.context.runOnContext(v -> {
      for (int i = 0; i < o.connectConcurrency; i++) {
        connectNext[0].run();
      }
    });
    return all.future();
  }

  /** Waits for {@code future}, but no longer than the bound: the run goes on with what it has. */
  private static void awaitAtMost(Future<?> future, long seconds) {
    try {
      future.await(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // reported through the counts
    }
  }

  private int closed() {
    return shards.stream().mapToInt(s -> s.closed).sum();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
