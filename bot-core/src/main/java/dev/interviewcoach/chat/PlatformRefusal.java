package dev.interviewcoach.chat;

/**
 * The platform would not do what the bot asked (a missing permission, DMs closed), with a
 * sentence for the person that says what to change. The engine shows it to them.
 */
public final class PlatformRefusal extends RuntimeException {

    public PlatformRefusal(String forThePerson) {
        super(forThePerson);
    }
}
