package dev.vchat.irc;

import dev.vchat.config.ChatConfig;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;

/**
 * IRC operators' passwords as the config keeps them ({@code ircOperators}): PBKDF2 with
 * HMAC-SHA256, a random salt per password, {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}. A leaked
 * config gives no password away. Checking one costs a few hundred milliseconds at the default
 * iterations, so it runs off the event loop. {@code main} makes a hash from a password read on
 * standard input: {@code java -cp chat.jar dev.vchat.irc.OperPassword}.
 */
public final class OperPassword {

  /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
  static final int DEFAULT_ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private OperPassword() {
  }

  /** Whether {@code password} is the one {@code stored} (an {@link ChatConfig#OPER_HASH}) was made from. Blocking (CPU). */
  static boolean matches(String password, String stored) {
    Matcher m = ChatConfig.OPER_HASH.matcher(stored);
    if (!m.matches()) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(m.group(2));
    byte[] expected = Base64.getDecoder().decode(m.group(3));
    byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), expected.length * 8);
    return MessageDigest.isEqual(expected, actual);
  }

  static String hash(String password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    byte[] hash = derive(password, salt, iterations, HASH_BITS);
    return "pbkdf2-sha256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
      + Base64.getEncoder().encodeToString(hash);
  }

  private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Reads a password (one line) on standard input, prints its hash for {@code ircOperators}. */
  public static void main(String[] args) throws Exception {
    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (password == null || password.isEmpty()) {
      System.err.println("usage: echo PASSWORD | java -cp chat.jar dev.vchat.irc.OperPassword");
      System.exit(2);
    }
    System.out.println(hash(password, DEFAULT_ITERATIONS));
  }
}
