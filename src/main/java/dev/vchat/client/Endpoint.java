package dev.vchat.client;

/** Where the chat server listens. */
public record Endpoint(String host, int port) {

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
