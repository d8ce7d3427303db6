package dev.interviewcoach.chat;

/** Who may see a reply. */
public sealed interface Visibility permits Visibility.Everyone, Visibility.OnlyTo {

    record Everyone() implements Visibility {}

    /** Only this person sees it (Slack ephemeral, Discord ephemeral or a DM). */
    record OnlyTo(UserRef user) implements Visibility {}

    static Visibility everyone() {
        return new Everyone();
    }

    static Visibility onlyTo(UserRef user) {
        return new OnlyTo(user);
    }
}
