package dev.vchat.client;

/** What the user does with a connected session until it ends. */
interface UserLoop {

  /** Runs until the user leaves or the session ends; calls {@link ChatSession#leave} on the way out. */
  void run(UserConsole console, ChatSession session);
}
