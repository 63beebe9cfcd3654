package dev.vchat.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IRC lines the bench reads, as ngircd and vchat write them. */
class IrcLineTest {

  @Test
  void aChannelMessageIsFoundAndItsTextParsed() {
    byte[] line = bytes(":bxy7!~bxy7@localhost PRIVMSG #lobby :~B3.42.123456789.xxxx");
    assertEquals(IrcLine.Kind.PRIVMSG, IrcLine.kind(line, 0, line.length));
    int text = IrcLine.textStart(line, 0, line.length);
    assertEquals("~B3.42", new String(line, text, 6, StandardCharsets.UTF_8));

    Payload.Parsed parsed = new Payload.Parsed();
    assertTrue(parsed.parse(line, text, line.length));
    assertEquals(3, parsed.sender);
    assertEquals(42, parsed.seq);
    assertEquals(123456789L, parsed.nanos);
  }

  @Test
  void aPrivateMessageHasTheNickAsTarget() {
    byte[] line = bytes("xx:bab1!bab1@127.0.0.1 PRIVMSG bab2 :~B0.7.99.x");
    assertEquals(IrcLine.Kind.PRIVMSG, IrcLine.kind(line, 2, line.length));
    assertEquals("~B0.7.99.x", new String(line, IrcLine.textStart(line, 2, line.length), 10, StandardCharsets.UTF_8));
  }

  @Test
  void aPrivmsgWithoutTrailingTextHasNone() {
    byte[] line = bytes(":a!b@c PRIVMSG #lobby");
    assertEquals(-1, IrcLine.textStart(line, 0, line.length));
  }

  @Test
  void pingWelcomeAndJoinAreToldApart() {
    assertEquals(IrcLine.Kind.PING, kind("PING :ngircd.example"));
    assertEquals(IrcLine.Kind.PING, kind(":vchat PING vchat"));
    assertEquals(IrcLine.Kind.WELCOME, kind(":irc.example 001 bab1 :Welcome to the Internet Relay Network bab1"));
    assertEquals(IrcLine.Kind.JOIN, kind(":bab1!~bab1@localhost JOIN :#lobby"));
    assertEquals(IrcLine.Kind.OTHER, kind(":irc.example 353 bab1 = #lobby :bab1 bab2"));
    assertEquals(IrcLine.Kind.OTHER, kind(":irc.example 0011 x"));
    assertEquals(IrcLine.Kind.OTHER, kind(":PRIVMSG"));
    assertEquals(IrcLine.Kind.OTHER, kind(""));
  }

  @Test
  void pongAnswersWithThePingsParameters() {
    byte[] line = bytes("PING :ngircd.example");
    assertEquals("PONG :ngircd.example\r\n", new String(IrcLine.pong(line, 0, line.length), StandardCharsets.UTF_8));
    byte[] prefixed = bytes(":vchat PING vchat");
    assertEquals("PONG vchat\r\n", new String(IrcLine.pong(prefixed, 0, prefixed.length), StandardCharsets.UTF_8));
  }

  private static IrcLine.Kind kind(String line) {
    byte[] b = bytes(line);
    return IrcLine.kind(b, 0, b.length);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
