package dev.vchat.client;

import dev.vchat.core.Language;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the client reads from the lines of spec/ROOMS-SPEC.md and PROTOCOL.md, without a server. */
class ServerLinesTest {

  @Test
  void theFirstOnlineNoticeTellsTheServersLanguage() {
    assertEquals(Optional.of(Language.EN), ServerLines.language("[127.0.0.1:5000]127.0.0.1:5000:online"));
    assertEquals(Optional.of(Language.ZH), ServerLines.language("[127.0.0.1:5000]127.0.0.1:5000:已上线"));
    assertEquals(Optional.of(Language.EN), ServerLines.language("[127.0.0.1:5000]ann:online"));
    // chat that merely ends like a notice is not one; neither are other lines
    assertEquals(Optional.empty(), ServerLines.language("you are in #lobby"));
    assertEquals(Optional.empty(), ServerLines.language("error: server full, try again later"));
    assertEquals(Optional.empty(), ServerLines.language("bob to you: I am online"));
  }

  @Test
  void theRoomComesFromYouAreInInEitherLanguage() {
    assertEquals(Optional.of("#go"), ServerLines.enteredRoom("you are in #go"));
    assertEquals(Optional.of("#Café.2"), ServerLines.enteredRoom("你已进入 #Café.2"));
    assertEquals(Optional.empty(), ServerLines.enteredRoom("error: you are already in #go"));
    assertEquals(Optional.empty(), ServerLines.enteredRoom("history: [127.0.0.1:5000]bob:you are in #go"));
    assertEquals(Optional.empty(), ServerLines.enteredRoom("[127.0.0.1:5000]bob:you are in #go"));
  }

  @Test
  void answersToRoomsAndJoin() {
    assertTrue(ServerLines.answersRooms("#go (3)"));
    assertTrue(ServerLines.answersRooms("error: could not list the rooms, try again"));
    assertFalse(ServerLines.answersRooms("[127.0.0.1:5000]bob:#go (3)"));
    assertTrue(ServerLines.answersJoin("you are in #go"));
    assertTrue(ServerLines.answersJoin("error: 房间名无效: #a b"));
    assertFalse(ServerLines.answersJoin("history: empty"));
  }

  @Test
  void aJoinIsACommandOnlyWhenTheRoomStartsWithHash() {
    assertTrue(ServerLines.isJoin("join #go"));
    assertTrue(ServerLines.isJoin("join|#go"));
    assertTrue(ServerLines.isJoin("  join #go  "));
    assertFalse(ServerLines.isJoin("join us tonight"));
    assertFalse(ServerLines.isJoin("joinery #go"));
    assertFalse(ServerLines.isJoin("rejoin #go"));
  }

  @Test
  void theHashIsOptionalForTheUser() {
    assertEquals("#go", ServerLines.roomName("go"));
    assertEquals("#go", ServerLines.roomName(" #go "));
    assertEquals("#围棋", ServerLines.roomName("围棋"));
  }
}
