package dev.vchat.core;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What is published on {@link Addresses#BROADCAST}: the broadcast events (see {@link Events})
 * one room published during one turn of its event loop, in order. Immutable once published:
 * local consumers all get this same object (the codec does not copy), so neither the list nor
 * its events may be changed; across a cluster it travels as a JSON array.
 */
public final class Broadcast {

  private final List<JsonObject> events;

  public Broadcast(List<JsonObject> events) {
    this.events = List.copyOf(events);
  }

  public List<JsonObject> events() {
    return events;
  }

  /** Registers the codec with this Vert.x instance unless it has it already (tests make several). */
  static void registerCodec(Vertx vertx) {
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
