package dev.interviewcoach.testkit.discord;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The interactions the fake issued, by token, and the latest one. */
final class IssuedInteractions {

    private final Map<String, Interaction> byToken = new ConcurrentHashMap<>();
    private final AtomicReference<Interaction> latest = new AtomicReference<>();

    void add(Interaction interaction) {
        byToken.put(interaction.token(), interaction);
        latest.set(interaction);
    }

    /** The interaction with this token, or {@code null} when the fake never issued the token. */
    Interaction byToken(String token) {
        return byToken.get(token);
    }

    /** The latest interaction issued, or {@code null}. */
    Interaction latest() {
        return latest.get();
    }
}
