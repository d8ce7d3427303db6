package dev.interviewcoach.chat;

/**
 * The platform could not be reached, or answered with trouble of its own (an outage, a 5xx, a timeout): the request was
 * fine and will go through once the platform is back, so a reply is tried again for longer than after other failures.
 */
public final class PlatformUnavailable extends RuntimeException {

    public PlatformUnavailable(String what, Throwable cause) {
        super(what, cause);
    }
}
