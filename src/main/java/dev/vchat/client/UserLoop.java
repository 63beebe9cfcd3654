package dev.vchat.client;

/** What the user does with a connected session until it ends. */
interface UserLoop {

  /** Runs until the user leaves or the session ends; calls {@link ClientSession#leave} on the way out. */
  void run(UserConsole console, ClientSession session);
}
