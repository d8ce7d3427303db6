package dev.interviewcoach.bench;

import java.net.URI;

/** What the load is sent to: a Bolt app served by our Jetty on loopback, at its Slack request URL. */
interface SlackTarget extends AutoCloseable {

    /** A short name for the report. */
    String name();

    /** The request URL Slack would post events and commands to. */
    URI url();

    /** Where the {@code send}-th request of a phase goes: the one URL, unless several instances share the load. */
    default URI url(long send) {
        return url();
    }

    /** Whether the app answers people through the Web API (the coach), or only acknowledges (the bare app). */
    boolean replies();

    /**
     * Whether the app's one post in reply ends the person's turn whatever it says (the echo bot), rather than the
     * coach's next question or scorecard.
     */
    default boolean echoes() {
        return false;
    }

    /** Stops the app and its server; a failure to stop is reported, not thrown as a checked exception. */
    @Override
    void close();
}
