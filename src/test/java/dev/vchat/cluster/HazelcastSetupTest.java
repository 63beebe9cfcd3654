package dev.vchat.cluster;

import com.hazelcast.config.Config;
import dev.vchat.config.ChatConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How soon the halves of a split look for each other: the chat's defaults, and an operator's -D over them. */
class HazelcastSetupTest {

  @Test
  void theHalvesOfASplitLookForEachOtherEvery15SecondsByDefault() {
    Config config = HazelcastSetup.hazelcastConfig(ChatConfig.fromJson(new JsonObject()));
    assertEquals("30", config.getProperty(HazelcastSetup.MERGE_FIRST_RUN_DELAY));
    assertEquals("15", config.getProperty(HazelcastSetup.MERGE_NEXT_RUN_DELAY));
  }

  @Test
  void aSystemPropertyIsLeftToHazelcastToRead() {
    String before = System.getProperty(HazelcastSetup.MERGE_NEXT_RUN_DELAY);
    System.setProperty(HazelcastSetup.MERGE_NEXT_RUN_DELAY, "5");
    try {
      Config config = HazelcastSetup.hazelcastConfig(ChatConfig.fromJson(new JsonObject()));
      assertNull(config.getProperties().getProperty(HazelcastSetup.MERGE_NEXT_RUN_DELAY), "a property in the config would win over -D");
      assertEquals("30", config.getProperty(HazelcastSetup.MERGE_FIRST_RUN_DELAY));
    } finally {
      if (before == null) {
        System.clearProperty(HazelcastSetup.MERGE_NEXT_RUN_DELAY);
      } else {
        System.setProperty(HazelcastSetup.MERGE_NEXT_RUN_DELAY, before);
      }
    }
  }
}
