package dev.interviewcoach.app;

/**
 * Something outside the coach stops it from starting (the database is unreachable, a port is
 * taken), with one line that names the setting to look at. Printed without a stack trace.
 */
final class StartupFailure extends RuntimeException {

    StartupFailure(String oneLine, Throwable cause) {
        super(oneLine, cause);
    }

    /** The innermost cause, as "Type: message", shortened and with any password in a URL masked. */
    static String rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": "
                + root.getMessage().replaceAll("\\s+", " ").strip());
        text = CoachConfig.maskUrl(text);
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
