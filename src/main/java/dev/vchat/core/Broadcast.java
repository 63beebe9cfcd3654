package dev.vchat.core;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What is published on {@link Addresses#BROADCAST}: the broadcast events (see {@link Events})
 * one verticle instance published during one turn of its event loop, in order. Immutable once published:
 * local consumers all get this same object (the codec does not copy), so neither the list nor
 * its events may be changed; across a cluster it travels as a JSON array.
 */
public final class Broadcast {

  private final List<JsonObject> events;
  /** Values derived from the events (each transport's rendering), shared by the local consumers. */
  private volatile Derived[] derived = NO_DERIVED;
  private static final Derived[] NO_DERIVED = new Derived[0];

  public Broadcast(List<JsonObject> events) {
    this.events = List.copyOf(events);
  }

  public List<JsonObject> events() {
    return events;
  }

  /**
   * A value computed from the events, computed once per {@code key} and then shared by every
   * local consumer that asks with an equal key (e.g. the TCP instances of one node all rendering
   * the batch in the same language, the IRC instances rendering IRC lines). {@code compute} must
   * be a pure function of the events and its result must not be changed afterwards: consumers on
   * other threads read it. Two threads asking at once may both compute it; one result is kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Function<List<JsonObject>, T> compute) {
    for (Derived d : derived) {
      if (d.key.equals(key)) {
        return (T) d.value;
      }
    }
    T value = compute.apply(events);
    synchronized (this) {
      for (Derived d : derived) {
        if (d.key.equals(key)) {
          return (T) d.value;
        }
      }
      Derived[] more = java.util.Arrays.copyOf(derived, derived.length + 1);
      more[derived.length] = new Derived(key, value);
      derived = more;
    }
    return value;
  }

  private record Derived(Object key, Object value) {
  }

  /** Registers the codec with this Vert.x instance unless it has it already (tests make several). */
  public static void registerCodec(Vertx vertx) {
    try {
      vertx.eventBus().registerDefaultCodec(Broadcast.class, new Codec());
    } catch (IllegalStateException alreadyRegistered) {
      // another verticle instance of this Vert.x did it
    }
  }

  /** Same object for local consumers; a length-prefixed JSON array on the wire. */
  static final class Codec implements MessageCodec<Broadcast, Broadcast> {

    @Override
    public void encodeToWire(Buffer buffer, Broadcast broadcast) {
      Buffer json = new JsonArray(new ArrayList<>(broadcast.events)).toBuffer();
      buffer.appendInt(json.length()).appendBuffer(json);
    }

    @Override
    public Broadcast decodeFromWire(int pos, Buffer buffer) {
      int length = buffer.getInt(pos);
      JsonArray array = new JsonArray(buffer.getBuffer(pos + 4, pos + 4 + length));
      List<JsonObject> events = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        events.add(array.getJsonObject(i));
      }
      return new Broadcast(events);
    }

    @Override
    public Broadcast transform(Broadcast broadcast) {
      return broadcast;
    }

    @Override
    public String name() {
      return "vchat.broadcast";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
