package dev.vchat.ops;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's logback.xml (the tests themselves log with logback-test.xml): either format
 * reaches the console through a queue that never makes the logging thread wait.
 */
class LogConfigTest {

  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void textIsWrittenThroughTheQueue() throws Exception {
    assertInstanceOf(PatternLayoutEncoder.class, consoleEncoder("TEXT"));
  }

  @Test
  void jsonIsWrittenThroughTheQueue() throws Exception {
    assertInstanceOf(JsonEncoder.class, consoleEncoder("JSON"));
  }

  /** Configures {@link #context} from logback.xml with {@code VCHAT_LOG_FORMAT=format}; the encoder the queue writes with. */
  private Encoder<ILoggingEvent> consoleEncoder(String format) throws Exception {
    context.putProperty("VCHAT_LOG_FORMAT", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogConfigTest.class.getResource("/logback.xml"));
    assertTrue(new StatusUtil(context).getHighestLevel(0) < Status.WARN, "logback complained about logback.xml");

    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appenders::add);
    assertEquals(1, appenders.size());
    AsyncAppender queue = assertInstanceOf(AsyncAppender.class, appenders.get(0));
    assertTrue(queue.isStarted());
    assertTrue(queue.isNeverBlock());
    assertFalse(queue.isIncludeCallerData());
    assertTrue(queue.getQueueSize() >= 1024, "queue of " + queue.getQueueSize());
    assertTrue(queue.getDiscardingThreshold() > 0 && queue.getDiscardingThreshold() < queue.getQueueSize());

    List<Appender<ILoggingEvent>> behind = new ArrayList<>();
    queue.iteratorForAppenders().forEachRemaining(behind::add);
    assertEquals(1, behind.size());
    assertEquals(format, behind.get(0).getName());
    return assertInstanceOf(ConsoleAppender.class, behind.get(0)).getEncoder();
  }
}
