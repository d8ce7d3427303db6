package dev.interviewcoach.app.logging;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log levels for the commands a person runs in a terminal, where the output is the point. */
public final class TerminalLogs {

    private TerminalLogs() {
    }

    /**
     * Only warnings beside a command's own output ("Sentence model loaded in 350 ms" says nothing to someone scoring
     * an answer), unless {@code COACH_LOG_LEVEL} asks for more.
     */
    public static void onlyWarnings() {
        if (System.getenv("COACH_LOG_LEVEL") == null
                && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
