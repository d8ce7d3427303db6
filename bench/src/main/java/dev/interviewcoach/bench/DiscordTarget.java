package dev.interviewcoach.bench;

/** What the Discord load is sent to: a bot on JDA connected to the fake Discord. */
interface DiscordTarget extends AutoCloseable {

    /** A short name for the report. */
    String name();

    /** Whether the bot answers people (the coach), or only acknowledges interactions (the bare bot). */
    boolean replies();

    /** Disconnects the bot; a failure to stop is reported, not thrown as a checked exception. */
    @Override
    void close();
}
