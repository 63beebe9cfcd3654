package dev.vchat.web;

/**
 * The event-bus addresses a browser may use through the SockJS bridge, named once; the bridge
 * permits exactly these (docs/WEB.md describes the messages).
 */
public final class WebAddresses {

  /** Request/reply: the page asks for its own outbound address; reply {@code {"address": ...}}. */
  public static final String JOIN = "chat.join";

  /** Send: one line the user typed, {@code {"text": "..."}}; the sender is the bridge socket. */
  public static final String IN = "chat.in";

  /** Prefix of each socket's outbound address; the suffix is a random per-socket token. */
  public static final String CLIENT_PREFIX = "chat.client.";

  /** The regex the bridge's outbound rule permits; the bridge hook narrows it to the socket's own. */
  static final String CLIENT_REGEX = "chat\\.client\\.[0-9a-f-]{36}";

  /** Header the hook stamps on a join request: the socket's outbound address. */
  static final String CLIENT_HEADER = "vchat-client";

  private WebAddresses() {
  }

  public static String client(String token) {
    return CLIENT_PREFIX + token;
  }
}
