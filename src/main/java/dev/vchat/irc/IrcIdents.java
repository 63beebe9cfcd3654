package dev.vchat.irc;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;

import java.util.Optional;

/**
 * What IRC users on this node gave in USER (user name and real name), by session id, for WHOIS
 * and WHO, and its away message (WHO's G, WHOIS's 301). Node-local (Vert.x local shared data): users on other nodes and users of other
 * transports show the chat's defaults ({@code chat}, their name). Prefixes are {@code nick!chat@IP}
 * for everyone: they are rendered once per node from the chat's events, which know no ident.
 */
final class IrcIdents {

  /** RFC 1459's user names: at most 9 characters, after '~' (no identd here). */
  static final int USERLEN = 9;

  /** {@code away}: the away message, empty when not away. */
  record Ident(String user, String realname, String away) {
  }

  private final LocalMap<String, String> idents;

  private IrcIdents(LocalMap<String, String> idents) {
    this.idents = idents;
  }

  static IrcIdents of(Vertx vertx) {
    return new IrcIdents(vertx.sharedData().getLocalMap("vchat.irc.idents"));
  }

  void put(String sid, String user, String realname) {
    String clean = user.replaceAll("[^A-Za-z0-9_.\\-]", "");
    if (clean.length() > USERLEN) {
      clean = clean.substring(0, USERLEN);
    }
    idents.put(sid, new JsonObject().put("user", "~" + (clean.isEmpty() ? "user" : clean)).put("realname", realname)
      .put("away", "").encode());
  }

  /** Sets (non-empty) or clears the away message of a user registered here. */
  void away(String sid, String message) {
    idents.computeIfPresent(sid, (k, found) -> new JsonObject(found).put("away", message).encode());
  }

  void remove(String sid) {
    idents.remove(sid);
  }

  Optional<Ident> get(String sid) {
    String found = idents.get(sid);
    if (found == null) {
      return Optional.empty();
    }
    JsonObject json = new JsonObject(found);
    return Optional.of(new Ident(json.getString("user"), json.getString("realname"), json.getString("away", "")));
  }
}
