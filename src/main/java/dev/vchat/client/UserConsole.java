package dev.vchat.client;

/**
 * The user's side of the client: it reads what the user types and shows what arrives. Lines may
 * be shown from any thread while another thread waits in {@link #readLine}.
 */
interface UserConsole extends AutoCloseable {

  /** The next line the user types after {@code prompt}; {@code null} at end of input, Ctrl-D or Ctrl-C. */
  String readLine(String prompt);

  /** Shows a line from the server (or the menu) without garbling the line being typed. */
  void show(String line);

  /** Shows one of the client's own notes (errors, "kicked", "connection lost"). */
  void note(String line);

  /** Gives the terminal back as it was. */
  @Override
  void close();
}
