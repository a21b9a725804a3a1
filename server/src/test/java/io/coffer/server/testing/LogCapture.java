package io.coffer.server.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;

/** Records what this JVM logs (logback) while open, for tests that assert on log lines. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** The formatted messages logged so far by loggers whose name ends with {@code loggerSuffix}, in order. */
    public List<String> messages(String loggerSuffix) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLoggerName().endsWith(loggerSuffix))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Waits (bounded) until a message of a logger ending with {@code loggerSuffix} matches, and returns it. */
    public String awaitMessage(String loggerSuffix, Predicate<String> match, Duration atMost) {
        String[] found = new String[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = messages(loggerSuffix).stream().filter(match).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
