package dev.interviewcoach.app.logging;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** How log lines are written: readable text (the default) or one JSON object per line for log shippers. */
public enum LogFormat {
    TEXT,
    JSON;

    /** The environment variable that chooses the format; logback.xml reads the same one. */
    public static final String ENV = "COACH_LOG_FORMAT";

    /** The format a setting names, ignoring case and spaces; unset or blank means text. Empty when it names none. */
    public static Optional<LogFormat> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(TEXT);
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /**
     * Says once, as a log line, that the setting was not understood. The encoder cannot say it
     * itself: it is created while logging is still being configured.
     */
    public static void warnIfUnknown(String value) {
        if (parse(value).isEmpty()) {
            String shown = value.strip().replaceAll("\\p{Cntrl}", "?");
            if (shown.length() > 40) {
                shown = shown.substring(0, 40) + "...";
            }
            LoggerFactory.getLogger(LogFormat.class).warn("{}=\"{}\" is not a log format; the accepted values are text"
                    + " (readable lines, the default) and json (one JSON object per line). Writing readable lines.",
                    ENV, shown);
        }
    }
}
