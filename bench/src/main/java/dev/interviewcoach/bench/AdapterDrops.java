package dev.interviewcoach.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.interviewcoach.slack.SlackAdapter;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.LoggerFactory;

/**
 * Counts events the Slack adapter could not queue for the engine (its "engine busy" warning). Such
 * events are refused with a 500 so Slack delivers them again; the harness listens to the log to count them.
 */
final class AdapterDrops extends AppenderBase<ILoggingEvent> {

    private final LongAdder dropped = new LongAdder();

    /** Starts counting; {@link #close()} stops. */
    static AdapterDrops listen() {
        AdapterDrops drops = new AdapterDrops();
        drops.setName("bench-adapter-drops");
        drops.setContext(((Logger) LoggerFactory.getLogger(SlackAdapter.class)).getLoggerContext());
        drops.start();
        ((Logger) LoggerFactory.getLogger(SlackAdapter.class)).addAppender(drops);
        return drops;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getMessage() != null && event.getMessage().startsWith("engine busy")) {
            // The adapter logs at most once a second, with how many it refused since its last line.
            Object[] args = event.getArgumentArray();
            dropped.add(args != null && args.length >= 3 && args[2] instanceof Number n ? n.longValue() : 1);
        }
    }

    long count() {
        return dropped.sum();
    }

    void close() {
        ((Logger) LoggerFactory.getLogger(SlackAdapter.class)).detachAppender(this);
        stop();
    }
}
