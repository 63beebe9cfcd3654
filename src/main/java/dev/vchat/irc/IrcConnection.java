package dev.vchat.irc;

import dev.vchat.core.ChatInstance;
import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import dev.vchat.core.Peer;
import dev.vchat.core.Rooms;
import dev.vchat.metrics.ChatMetrics;
import dev.vchat.tcp.LineFramer;
import dev.vchat.tcp.SharedLines;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One IRC client: frames its lines (LF or CRLF, up to maxLineBytes; RFC 1459 says 512, longer
 * lines are accepted), registers it ({@link Registration}), then hands every line to its
 * {@link ChatSession}, whose parser is the IRC command table: so flood control (delayed, not
 * refused, as on TCP), ordering and idle handling are the core's. Events from the chat become IRC
 * lines here; broadcasts come through {@link IrcFanout}.
 */
final class IrcConnection implements Peer, IrcClient, Registration.Owner {

  private static final Logger log = LoggerFactory.getLogger(IrcConnection.class);
  /** A client that has not registered within this is closed. */
  static final long REGISTRATION_TIMEOUT_MILLIS = 60_000;
  /** Lines a client may send before it is registered. */
  private static final int MAX_UNREGISTERED_LINES = 64;

  private enum State { REGISTERING, CLAIMING, ONLINE }

  private final NetSocket socket;
  private final ChatInstance chat;
  /** The history of the room an IRC user lands in at registration, read before it joins. */
  private Future<List<JsonObject>> lobbyHistory = Future.succeededFuture(List.of());
  private final IrcFanout fanout;
  private final ChatSession session;
  private final LineFramer framer;
  private final Runnable released;
  private final Promise<Void> socketClosed = Promise.promise();
  private final IrcSocket out;
  private final Registration registration = new Registration(this);
  private final IrcWelcome welcome;
  private final boolean autoJoin;
  /** Lines that arrived while the nick was being claimed: handled once the outcome is known. */
  private final List<String> waiting = new ArrayList<>();
  private State state = State.REGISTERING;
  private int unregisteredLines;
  private long registrationTimer;
  /** The fan-out's mark: batches up to this sequence number were written (or skipped). */
  long fanoutSeq;
  private Set<String> roomKeys = Set.of();
  private String roomKeysSignature = "";
  private List<String> roomsSeen = List.of();
  private String nick = "*";
  private String away = "";
  /** The recipient of the private message under way, as the user typed it. */
  private String namedNick = "";

  IrcConnection(NetSocket socket, ChatInstance chat, IrcFanout fanout, IrcCommands commands, Runnable released) {
    this.socket = socket;
    this.chat = chat;
    this.fanout = fanout;
    this.released = released;
    this.autoJoin = chat.config().ircAutoJoin();
    this.welcome = new IrcWelcome(chat.config());
    String addr = socket.remoteAddress().hostAddress() + ":" + socket.remoteAddress().port();
    this.session = chat.newSession(this, addr, line -> commands.parse(this, line));
    this.out = new IrcSocket(socket, chat.vertx(), chat.config(), this::dropSlowReader);
    this.framer = new LineFramer(chat.config().maxLineBytes(), new LineFramer.Sink() {
      @Override
      public void line(Buffer line) {
        received(line.toString(StandardCharsets.UTF_8));
      }

      @Override
      public void tooLong() {
        if (state == State.ONLINE) {
          session.lineTooLong();
        } else {
          send(IrcMessage.formatText(server(), Numerics.ERR_INPUTTOOLONG, nick, "Input line was too long"));
        }
      }
    });
  }

  void start() {
    socket.handler(bytes -> {
      session.metrics().tcpReceived(bytes.length());
      framer.handle(bytes);
    });
    socket.endHandler(v -> {
      framer.end();
      lost();
    });
    socket.exceptionHandler(e -> log.debug("socket error from {}: {}", session.addr(), e.getMessage()));
    socket.closeHandler(v -> {
      released.run();
      socketClosed.tryComplete();
      lost();
    });
    fanout.add(this);
    fanout.skipQueued(this);
    session.metrics().connectionAccepted(ChatMetrics.IRC);
    registrationTimer = chat.vertx().setTimer(REGISTRATION_TIMEOUT_MILLIS, id -> {
      if (state != State.ONLINE && !out.isClosed()) {
        log.info("IRC client from {} did not register in time", session.addr());
        send(IrcMessage.formatText(null, "ERROR", "Closing link: registration timed out"));
        close();
      }
    });
  }

  private void received(String line) {
    switch (state) {
      case ONLINE -> {
        String chatLine = Ctcp.rewrite(line);
        if (chatLine != null) {
          session.receive(chatLine);
        }
      }
      case CLAIMING -> waiting.add(line);
      case REGISTERING -> {
        if (++unregisteredLines > MAX_UNREGISTERED_LINES) {
          send(IrcMessage.formatText(null, "ERROR", "Closing link: too many lines before registering"));
          close();
          return;
        }
        IrcMessage message = IrcMessage.parse(dev.vchat.core.TextSanitizer.strip(line));
        if (message != null) {
          registration.handle(message);
        }
      }
    }
  }

  // --- registration

  @Override
  public void register(String wanted, String user, String realname, String password) {
    state = State.CLAIMING;
    String expected = chat.config().ircPassword();
    if (expected.isEmpty()) {
      claim(wanted, user, realname);
      return;
    }
    // PBKDF2 costs CPU: off the event loop
    chat.vertx().executeBlocking(() -> password != null && OperPassword.matches(password, expected), false).onComplete(ar -> {
      if (ar.succeeded() && ar.result()) {
        claim(wanted, user, realname);
      } else {
        log.info("IRC client from {} gave {} password", session.addr(), password == null ? "no" : "a wrong");
        send(IrcMessage.formatText(server(), Numerics.ERR_PASSWDMISMATCH, "*", "Password incorrect"));
        send(IrcMessage.formatText(null, "ERROR", "Closing link: password incorrect"));
        close();
      }
    });
  }

  private void claim(String wanted, String user, String realname) {
    List<String> rooms = autoJoin ? List.of(Rooms.LOBBY) : List.of();
    // read before joining, as a JOIN does: once in, the room's lines come live
    lobbyHistory = autoJoin ? ChannelCommands.historyOf(session, Rooms.LOBBY) : Future.succeededFuture(List.of());
    lobbyHistory.compose(lines -> session.joinAs(wanted, rooms)).onComplete(ar -> {
      if (ar.succeeded() && ar.result()) {
        state = State.ONLINE;
        chat.vertx().cancelTimer(registrationTimer);
        Peaks.of(chat.vertx()).local(session.metrics().usersOnline());
        IrcIdents.of(chat.vertx()).put(session.sid(), user, realname);
        log.info("IRC user {} ({}) registered from {}", wanted, user, session.addr());
      } else if (ar.succeeded()) {
        state = State.REGISTERING;
        registration.nickTaken();
      } else {
        return; // the session says why and hangs up
      }
      List<String> lines = new ArrayList<>(waiting);
      waiting.clear();
      lines.forEach(this::received);
    });
  }

  @Override
  public void quit() {
    send(IrcMessage.formatText(null, "ERROR", "Closing link: quit"));
    close();
  }

  // --- IrcClient

  @Override
  public ChatSession session() {
    return session;
  }

  @Override
  public String server() {
    return chat.config().ircServerName();
  }

  @Override
  public String nick() {
    return nick;
  }

  @Override
  public void reply(String numeric, String... params) {
    String[] all = new String[params.length + 1];
    all[0] = nick;
    System.arraycopy(params, 0, all, 1, params.length);
    send(MINIMAL.contains(numeric) ? IrcMessage.format(server(), numeric, all) : IrcMessage.formatText(server(), numeric, all));
  }

  /** Numerics whose last parameter is a token, not words: no ':' before it unless needed. */
  private static final Set<String> MINIMAL = Set.of(Numerics.RPL_MYINFO, Numerics.RPL_CHANNELMODEIS, Numerics.RPL_UMODEIS);

  /** Writes one line to this user alone, after the broadcasts queued for it before. */
  @Override
  public void send(String line) {
    if (state == State.ONLINE) {
      fanout.catchUp(this);
    } else {
      fanout.skipQueued(this);
    }
    Buffer buffer = Buffer.buffer((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    if (write(buffer)) {
      session.metrics().tcpDelivered(1, buffer.length());
    }
  }

  @Override
  public void away(String message) {
    away = message;
  }

  @Override
  public void namedNick(String typed) {
    namedNick = typed;
  }

  // --- Peer: the chat's events as IRC lines

  @Override
  public void deliverBatched(JsonObject message) {
    out.holdFlushes();
    deliver(message);
  }

  @Override
  public void deliver(JsonObject event) {
    String type = Events.type(event);
    boolean own = session.sid().equals(event.getString(Events.SID));
    switch (type) {
      case Events.ONLINE -> {
        if (own) {
          welcomed(event);
        }
      }
      case Events.RENAMED -> {
        String old = nick;
        nick = IrcNicks.nickOf(event.getString("name"));
        send(IrcMessage.format(old + "!" + IrcNicks.USER + "@" + IrcNicks.host(session.addr()), "NICK", nick));
      }
      case Events.JOINED, Events.LEFT, Events.KICK -> {
        // what was queued before, in the rooms the user was in; the new room's lines queued
        // before the join are in its history, shown next (as TCP skips them on a move)
        fanout.catchUp(this);
        roomsChanged();
        send(IrcEvents.render(event));
      }
      // shown to the user they are about too: the fan-out skips the session that caused them
      case Events.OPPED, Events.DEOPPED -> send(IrcEvents.render(event));
      case Events.CHAT, Events.RENAME, Events.OFFLINE -> {
        if (!own) {
          send(IrcEvents.render(event));
        }
      }
      case Events.HISTORY -> send(IrcEvents.chat(event.getJsonObject(Events.ENTRY)));
      case Events.PRIVATE -> send(IrcMessage.formatText(IrcNicks.prefix(event.getString("from"), event.getString("addr")),
        event.getBoolean(Events.NOTICE, false) ? "NOTICE" : "PRIVMSG", nick, event.getString("text")));
      case Events.KICKED -> send(IrcMessage.formatText(null, "ERROR", "Closing link: idle for " + event.getInteger("seconds") + " s"));
      case Events.KICKED_FLOOD -> send(IrcMessage.formatText(null, "ERROR", "Closing link: flooding"));
      case Events.BYE -> send(IrcMessage.formatText(null, "ERROR", "Closing link: quit"));
      case Events.SHUTDOWN -> send(IrcMessage.formatText(null, "ERROR", "Closing link: server shutting down"));
      case Events.ERROR -> error(event);
      default -> { } // private-echo, history-empty, room-entered ...: nothing to show on IRC
    }
  }

  /** The welcome numerics, then the JOIN of each room the user starts in, its names and history. */
  private void welcomed(JsonObject online) {
    nick = IrcNicks.nickOf(online.getString("name"));
    welcome.send(this);
    roomsChanged();
    for (String room : Events.audience(online)) {
      send(IrcMessage.format(IrcNicks.prefix(online.getString("name"), session.addr()), "JOIN", room));
      session.submit((s, r) -> ChannelCommands.afterJoin(this, r, lobbyHistory), room);
    }
  }

  private void error(JsonObject event) {
    IrcErrors.show(this, event, namedNick, chat.catalogue());
  }

  /** The session's rooms changed: the fan-out's view of them (keys, and one string for sharing buffers). */
  private void roomsChanged() {
    List<String> rooms = session.rooms();
    if (rooms.equals(roomsSeen)) {
      return;
    }
    roomsSeen = rooms;
    TreeSet<String> keys = new TreeSet<>();
    rooms.forEach(room -> keys.add(Rooms.key(room)));
    roomKeys = Set.copyOf(keys);
    roomKeysSignature = String.join(" ", keys);
  }

  Set<String> roomKeys() {
    return roomKeys;
  }

  String roomKeysSignature() {
    return roomKeysSignature;
  }

  String sid() {
    return session.sid();
  }

  boolean isOnline() {
    return state == State.ONLINE && session.isOnline();
  }

  /** Whether the user is away, and why: empty when not. */
  String awayMessage() {
    return away;
  }

  // --- writing and closing

  boolean write(Buffer lines) {
    return out.write(lines);
  }

  boolean write(SharedLines lines) {
    return out.write(lines);
  }

  Future<Void> shutdown() {
    if (state != State.ONLINE) {
      send(IrcMessage.formatText(null, "ERROR", "Closing link: server shutting down"));
      close();
      session.disconnected();
    } else {
      session.end(Events.shutdown());
    }
    return Future.join(session.left(), socketClosed.future()).mapEmpty();
  }

  private void dropSlowReader(String why) {
    if (out.isClosed()) {
      return;
    }
    session.metrics().kicked(ChatMetrics.KICK_SLOW_READER);
    log.warn("disconnect slow IRC reader {} from {}: {}", session.name(), session.addr(), why);
    out.drop();
    fanout.remove(this);
    session.disconnected();
  }

  @Override
  public void close() {
    if (!out.isClosed()) {
      fanout.remove(this);
      out.close();
    }
  }

  @Override
  public void throttle(boolean paused) {
    out.throttle(paused);
  }

  /** An IRC user may be in several channels, or none: a kick only takes it out of one. */
  @Override
  public boolean inOneRoom() {
    return false;
  }

  /** A socket that is not read leaves the user's input in the kernel's buffers: lines over the rate wait. */
  @Override
  public boolean holdsBackInput() {
    return true;
  }

  private void lost() {
    IrcIdents.of(chat.vertx()).remove(session.sid());
    out.lost();
    chat.vertx().cancelTimer(registrationTimer);
    fanout.remove(this);
    session.disconnected();
  }
}
