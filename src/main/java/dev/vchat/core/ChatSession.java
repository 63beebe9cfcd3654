package dev.vchat.core;

import dev.vchat.core.command.CommandTable;
import dev.vchat.core.command.LineParser;
import dev.vchat.metrics.ChatMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One user, whatever the transport: joins under its remote address, runs its lines through the
 * command table one at a time, receives private messages on its own address, is kicked when
 * idle, and leaves through one path whatever the reason.
 */
public final class ChatSession {

  private static final Logger log = LoggerFactory.getLogger(ChatSession.class);

  /** Commands waiting beyond this make the transport stop reading until they are done. */
  private static final int MAX_BACKLOG = 64;
  /**
   * Private lines handed to users of this node and not shown yet, beyond which the transport
   * stops reading: a sender faster than its recipients' event loops waits in the kernel instead
   * of queueing its lines in the server's heap. Reading resumes at half of it.
   */
  static final int MAX_HANDED_OVER = 1_024;
  private static final int MAX_NAME_ATTEMPTS = 10;

  private enum State { JOINING, ONLINE, CLOSING, LEFT }

  private final ChatInstance chat;
  private final Peer peer;
  /** What the user's lines mean: the chat's command table, or another protocol's (IRC). */
  private final LineParser parser;
  private final String sid = UUID.randomUUID().toString();
  private final String addr;
  private final SerialExecutor tasks = new SerialExecutor();
  /** Private lines this user handed to users of this node that their event loops have not shown yet. */
  private final AtomicInteger handedOver = new AtomicInteger();
  private final IdleTimer idleTimer;
  private final ChatMetrics metrics;
  /**
   * Flood control, made on the user's first line (most users of a large server are idle, and
   * the two are about 200 bytes a user): the limiter; and for a transport that holds back
   * input, the delay that makes lines over the rate wait (else null).
   */
  private RateLimiter limiter;
  private FloodDelay floodDelay;
  /** Over the flood limit for too long (refusing transports): the kick is queued, nothing more is read. */
  private boolean flooded;
  /** Lines refused since the last one allowed; the streak is logged once, when it ends. */
  private int refusedInStreak;
  /** Lines over the rate are waiting for their token: the transport is not reading. */
  private boolean delaying;
  private State state = State.JOINING;
  private UserEntry entry;
  private String roomKey = Rooms.key(Rooms.LOBBY);
  private MessageConsumer<JsonObject> inbox;
  /** This session's event loop, where users of this node hand it their private messages. */
  private Context context;
  /** This user's entry in the node's directory while online, else null. */
  private LocalUsers.Listed listed;
  private final Promise<Void> left = Promise.promise();
  private boolean announced;
  /** Why the user leaves, when it said so (IRC's QUIT message); published with its offline notice. */
  private String leaveReason;
  private boolean throttled;

  ChatSession(ChatInstance chat, Peer peer, String addr, LineParser parser) {
    this.chat = chat;
    this.peer = peer;
    this.parser = parser;
    this.addr = addr;
    this.entry = new UserEntry(sid, addr, addr, chat.node());
    this.metrics = ChatMetrics.of(chat.vertx());
    this.idleTimer = new IdleTimer(chat.vertx(), chat.config().idleTimeoutSeconds(), this::kickIdle);
  }

  /** Starts the idle timer and listens on the private address, on this session's event loop. */
  private void open() {
    context = chat.vertx().getOrCreateContext();
    idleTimer.start();
    inbox = chat.vertx().eventBus().consumer(Addresses.user(sid), this::onPrivate);
  }

  private String floodRule() {
    return "over " + chat.config().floodMessagesPerSecond() + " a second (burst " + chat.config().floodBurst() + ")";
  }

  /** Registers the private address, claims the initial name, and tells everyone. */
  public Future<Void> join() {
    open();
    Future<Void> joined = inbox.completion().compose(v -> claimInitialName(1));
    // a failed join is handled (and logged) by joinFailed, not again as a failed task
    tasks.submit(() -> joined.onSuccess(v -> announceJoin()).onFailure(this::joinFailed).otherwiseEmpty());
    return joined;
  }

  /**
   * Joins under a name the user chose before joining (IRC's NICK), in {@code rooms}: true once
   * the name is claimed and everyone in those rooms was told; false when the name is taken, and
   * then the session is still not joined and may try another name. A registry failure ends the
   * session as {@link #join()} does. Lines received meanwhile wait for the outcome.
   */
  public Future<Boolean> joinAs(String name, List<String> rooms) {
    if (state != State.JOINING) {
      return Future.failedFuture("already joined or leaving");
    }
    if (inbox == null) {
      open();
    }
    UserEntry candidate = new UserEntry(sid, name, addr, chat.node(), rooms);
    entry = candidate; // as in claimInitialName: leave() removes exactly this entry
    roomKey = rooms.isEmpty() ? "" : Rooms.key(rooms.get(0));
    Future<Boolean> claimed = inbox.completion().compose(v -> chat.registry().claim(candidate));
    tasks.submit(() -> claimed.onSuccess(ok -> {
      if (ok) {
        announceJoin();
      }
    }).onFailure(this::joinFailed).<Void>mapEmpty().otherwiseEmpty());
    return claimed;
  }

  private Future<Void> claimInitialName(int attempt) {
    UserEntry candidate = entry.withName(attempt == 1 ? addr : addr + "-" + attempt);
    // kept even if the claim fails: a failed claim may have been written all the same, and
    // leave() removes exactly this entry (never someone else's: the entry holds this sid)
    entry = candidate;
    return chat.registry().claim(candidate).compose(claimed -> {
      if (claimed) {
        return Future.succeededFuture();
      }
      if (attempt >= MAX_NAME_ATTEMPTS) {
        return Future.failedFuture("no free name for " + addr);
      }
      return claimInitialName(attempt + 1);
    });
  }

  private void announceJoin() {
    if (state != State.JOINING) {
      return; // gone before the join finished: leave() will release the name
    }
    state = State.ONLINE;
    announced = true;
    listed = chat.localUsers().list(entry, this, context);
    metrics.userOnline();
    log.info("join {}", entry.name());
    announce(Events.online(sid, addr, entry.name(), entry.rooms()));
  }

  private void joinFailed(Throwable cause) {
    log.error("join failed for {}: {}", addr, cause.getMessage());
    metrics.connectionRefused("join_failed");
    if (state == State.JOINING) {
      peer.deliver(Events.error(ErrorCode.JOIN_FAILED));
    }
    state = State.CLOSING;
    unlist();
    peer.close();
    tasks.submit(this::leave);
  }

  /** A line as the user typed it, without its line end. */
  public void receive(String line) {
    idleTimer.touch();
    if (state == State.CLOSING || state == State.LEFT || flooded) {
      return;
    }
    String text = TextSanitizer.strip(line);
    if (!text.isBlank()) {
      admitted(() -> execute(text));
    }
  }

  /** The transport refused a line over the size limit; it still counts as activity. */
  public void lineTooLong() {
    idleTimer.touch();
    if (state == State.CLOSING || state == State.LEFT || flooded) {
      return;
    }
    // queued, so that the refusal comes in order with the replies to the lines before it
    admitted(() -> {
      log.info("refused a line of {}: over {} bytes", entry.name(), chat.config().maxLineBytes());
      reply(Events.error(ErrorCode.LINE_TOO_LONG).put("max", chat.config().maxLineBytes()));
      return Future.succeededFuture();
    });
  }

  /**
   * Queues one line's work behind the user's earlier lines, under flood control: on a transport
   * that holds back input the line waits for its token (a user's paste arrives whole, late);
   * elsewhere a line over the limit is refused.
   */
  private void admitted(Supplier<Future<Void>> work) {
    if (limiter == null) {
      limiter = RateLimiter.of(chat.config());
      floodDelay = peer.holdsBackInput()
        ? new FloodDelay(chat.vertx(), limiter, this::delayChanged, () -> entry.name() + " from " + addr, floodRule())
        : null;
    }
    if (floodDelay != null) {
      long dueAt = floodDelay.admit();
      tasks.submit(dueAt == 0 ? whileOnline(work) : () -> floodDelay.until(dueAt).compose(v -> {
        if (state != State.ONLINE) {
          return Future.succeededFuture();
        }
        idleTimer.touch(); // a user whose paste is still going out is not idle
        return work.get();
      }));
    } else if (allowed()) {
      tasks.submit(whileOnline(work));
    }
    updateThrottle();
  }

  /** The work, run only if the user is still online when its turn comes. */
  private Supplier<Future<?>> whileOnline(Supplier<Future<Void>> work) {
    return () -> state == State.ONLINE ? work.get() : Future.succeededFuture();
  }

  /**
   * Flood control where input cannot be held back: true if this line may run. A refusal is
   * queued like a reply, so that it comes in order; the refusal that means a kick queues the
   * kick and nothing more is read.
   */
  private boolean allowed() {
    RateLimiter.Verdict verdict = limiter.acquire();
    if (verdict == RateLimiter.Verdict.ALLOW) {
      endRefusalStreak();
      return true;
    }
    refusedInStreak++;
    if (verdict == RateLimiter.Verdict.KICK) {
      flooded = true;
      tasks.submit(() -> {
        log.warn("kick {} from {}: flooding ({} lines refused within {} s)", entry.name(), addr,
          chat.config().floodKickRefusals(), chat.config().floodKickWindowSeconds());
        refusedInStreak = 0;
        metrics.kicked(ChatMetrics.KICK_FLOOD);
        end(Events.kickedFlood());
        return Future.succeededFuture();
      });
      return false;
    }
    tasks.submit(() -> {
      reply(Events.error(ErrorCode.FLOODING));
      return Future.succeededFuture();
    });
    return false;
  }

  private void endRefusalStreak() {
    if (refusedInStreak > 0) {
      log.info("refused {} lines of {} from {}: {}", refusedInStreak, entry.name(), addr, floodRule());
      refusedInStreak = 0;
    }
  }

  private void delayChanged(boolean waiting) {
    delaying = waiting;
    updateThrottle();
  }

  /** The transport lost the user (end of stream, error, slow reader): finish queued lines, then leave. */
  public void disconnected() {
    if (state == State.LEFT) {
      return;
    }
    tasks.submit(this::leave);
  }

  /** Says a last word, hangs up, and leaves with a reason that goes out with the offline notice (IRC's QUIT). */
  public void end(JsonObject farewell, String reason) {
    leaveReason = TextSanitizer.strip(reason);
    end(farewell);
  }

  /** Says a last word, hangs up, and leaves; used by quit and the kicks. */
  public void end(JsonObject farewell) {
    if (state == State.CLOSING || state == State.LEFT) {
      return;
    }
    state = State.CLOSING;
    unlist();
    if (floodDelay != null) {
      floodDelay.release();
    }
    peer.deliver(farewell);
    peer.close();
    tasks.submit(this::leave);
  }

  private Future<Void> execute(String text) {
    CommandTable.Invocation invocation = parser.parse(text);
    Future<Void> done = invocation.command().execute(this, invocation.args());
    return done.onComplete(ignored -> updateThrottle());
  }

  /**
   * The transport reads while this session keeps up: few commands queued, no line waiting for its
   * token, not too many private lines waiting for their recipients' event loops.
   */
  private void updateThrottle() {
    boolean hold = delaying || tasks.backlog() > MAX_BACKLOG || handedOver.get() > MAX_HANDED_OVER;
    if (hold != throttled) {
      throttled = hold;
      peer.throttle(hold);
    }
  }

  private void onPrivate(Message<JsonObject> message) {
    if (state != State.ONLINE) {
      message.fail(ReplyFailure.NO_HANDLERS.toInt(), "not online");
      return;
    }
    if (Events.isRequest(message.body())) {
      // another user's command on this user's entry: run here, in order with this user's own
      // lines, so that the entry has one writer
      tasks.submit(() -> (state == State.ONLINE ? Membership.requested(this, message.body())
        : Future.<Boolean>failedFuture("not online")).onComplete(ar -> {
          if (ar.succeeded()) {
            message.reply(new JsonObject().put("done", ar.result()).put("name", entry.name()));
          } else {
            message.fail(ReplyFailure.RECIPIENT_FAILURE.toInt(), ar.cause().getMessage());
          }
        }).otherwiseEmpty());
      return;
    }
    String to = message.headers().get(Recipients.TO_HEADER);
    if (to != null && !to.equals(NameKeys.of(entry.name()))) {
      // written to a name this user no longer holds (the sender's record was older than a rename)
      message.fail(ReplyFailure.NO_HANDLERS.toInt(), "not " + to);
      return;
    }
    if (!Events.WARM_UP.equals(Events.type(message.body()))) {
      peer.deliverBatched(message.body());
    }
    message.reply(new JsonObject().put("name", entry.name()));
  }

  /**
   * A private message a user of this node handed over ({@link LocalUsers.Listed#hand}), on this
   * session's event loop: shown if the user is still online.
   */
  void showHandedOver(JsonObject message) {
    if (state == State.ONLINE) {
      peer.deliverBatched(message);
      metrics.privateMessage();
    } else {
      log.debug("private message to {} dropped: gone meanwhile", entry.name());
    }
  }

  /** A private line of this user's is handed to a user of this node (on this session's event loop). */
  void handingOver() {
    if (handedOver.incrementAndGet() > MAX_HANDED_OVER) {
      updateThrottle();
    }
  }

  /** A private line this user handed over has been shown or dropped (on the recipient's event loop). */
  void handedOverDone() {
    if (handedOver.decrementAndGet() == MAX_HANDED_OVER / 2) {
      context.runOnContext(v -> updateThrottle());
    }
  }

  /** Takes this user out of the node's directory (it is going offline). */
  private void unlist() {
    if (listed != null) {
      chat.localUsers().withdraw(entry.key(), listed);
      listed = null;
    }
  }

  /** Whether this user is always in exactly one room (TCP, browser), or may be in several (IRC). */
  public boolean inOneRoom() {
    return peer.inOneRoom();
  }

  private void kickIdle() {
    int seconds = chat.config().idleTimeoutSeconds();
    log.info("kick {} from {}: idle for {} s", entry.name(), addr, seconds);
    metrics.kicked(ChatMetrics.KICK_IDLE);
    end(Events.kicked(seconds));
  }

  /** Completes once this user has left: name released, leave notice sent. */
  public Future<Void> left() {
    return left.future();
  }

  private Future<?> leave() {
    if (state == State.LEFT) {
      return Future.succeededFuture();
    }
    state = State.LEFT;
    unlist(); // before the name is released: the directory never lists a name the registry does not
    endRefusalStreak();
    if (announced) {
      metrics.userOffline();
    }
    idleTimer.cancel();
    Future<Void> unregistered = inbox == null ? Future.succeededFuture() : inbox.unregister();
    // a release that fails is tried again until it succeeds: a name left in the registry
    // would be taken by nobody, and the others would never see this user leave
    return chat.registry().releaseWithRetries(entry).onSuccess(released -> {
      if (released && announced) {
        log.info("leave {} from {}", entry.name(), addr);
        JsonObject offline = Events.offline(sid, addr, entry.name(), entry.rooms());
        if (leaveReason != null && !leaveReason.isBlank()) {
          offline.put(Events.REASON, leaveReason);
        }
        chat.publish(offline);
      }
    }).compose(v -> unregistered).onComplete(ar -> left.tryComplete());
  }

  /**
   * After a split cluster heals: puts this user's entry back in the registry (the other half had
   * swept it). If another user holds the name now and keeps it, this user is told so and renamed
   * to a free name (its initial {@code IP:PORT} one, or that with a suffix), and everyone sees the
   * rename. Runs in order with the user's lines; true when the user kept its name.
   */
  public Future<Boolean> reclaim() {
    Promise<Boolean> done = Promise.promise();
    tasks.submit(() -> {
      if (state != State.ONLINE) {
        done.complete(true);
        return Future.succeededFuture();
      }
      UserEntry held = entry;
      Future<Boolean> kept = chat.registry().reclaim(held).compose(ok -> ok ? Future.succeededFuture(true) : yieldName(held));
      return kept.onComplete(done).otherwiseEmpty();
    });
    return done.future();
  }

  private Future<Boolean> yieldName(UserEntry lost) {
    return chat.registry().claimFreeName(lost, addr).map(renamed -> {
      if (state != State.ONLINE) {
        renamed.ifPresent(chat.registry()::releaseWithRetries);
        return false;
      }
      if (renamed.isEmpty()) {
        log.warn("{} from {} lost its name at the heal of a split and no free name is left: disconnected", lost.name(), addr);
        end(Events.nameLost(lost.name()));
        return false;
      }
      renamed(renamed.get()); // the registry holds the new name: so does the node's directory
      log.info("{} from {} kept by another user at the heal of a split: renamed to {}", lost.name(), addr, entry.name());
      peer.deliver(Events.nameLost(lost.name()));
      peer.deliver(Events.renamed(entry.name()));
      chat.publish(Events.rename(sid, addr, lost.name(), entry.name(), entry.rooms()));
      return false;
    });
  }

  // --- what commands see

  public void reply(JsonObject event) {
    if (Events.ERROR.equals(event.getString(Events.TYPE))) {
      metrics.error(event.getString("code"));
    }
    peer.deliver(event);
  }

  /** Shows a broadcast event to this user at once, then to everyone else through the bus. */
  public void announce(JsonObject event) {
    peer.deliver(event);
    chat.publish(event);
  }

  /** This node's figures (users online, messages, kicks ...), for commands and transports. */
  public ChatMetrics metrics() {
    return metrics;
  }

  public ChatInstance chat() {
    return chat;
  }

  public UserEntry entry() {
    return entry;
  }

  /** Records a completed rename; the registry already holds {@code renamed}. */
  public void renamed(UserEntry renamed) {
    if (listed != null) {
      LocalUsers.Listed previous = listed;
      listed = chat.localUsers().list(renamed, this, context);
      chat.localUsers().withdraw(entry.key(), previous);
    }
    this.entry = renamed;
  }

  /** Records a completed move to another room; the registry already holds {@code moved}. */
  public void moved(UserEntry moved) {
    this.entry = moved;
    this.roomKey = moved.rooms().isEmpty() ? "" : Rooms.key(moved.rooms().get(0));
  }

  /** The rooms this user is in, as each is displayed (IRC users may be in several, or none). */
  public List<String> rooms() {
    return entry.rooms();
  }

  /**
   * Runs {@code command} as if the user had typed a line for it: in order with the user's other
   * lines, under flood control. For transports that turn something other than a line into a
   * command (IRC's automatic join).
   */
  public void submit(dev.vchat.core.command.Command command, String args) {
    if (state == State.CLOSING || state == State.LEFT || flooded) {
      return;
    }
    admitted(() -> command.execute(this, args));
  }

  /** The room this user is in (one, on TCP and in the browser), as it is displayed. */
  public String room() {
    return entry.rooms().get(0);
  }

  /** The key ({@link Rooms#key}) of {@link #room()}: what the fan-outs compare, once per line. */
  public String roomKey() {
    return roomKey;
  }

  public String name() {
    return entry.name();
  }

  public String addr() {
    return addr;
  }

  public String sid() {
    return sid;
  }

  public boolean isOnline() {
    return state == State.ONLINE;
  }
}
