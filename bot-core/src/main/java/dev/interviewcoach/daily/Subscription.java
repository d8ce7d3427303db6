package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.question.Question;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's question of the day: which track (optionally one topic of it, up to a difficulty),
 * when ({@link PostTimes}), how people answer, and whether the channel sees a leaderboard.
 * {@code createdAt}: when it was set up, or its times last changed; a post time before it was never due.
 */
public record Subscription(String id, Place channel, String track, PostTimes times, String createdBy, Instant createdAt,
                           AnswerMode mode, boolean leaderboard, String topic, Integer maxDifficulty) {

    /** How people answer a channel's question of the day. */
    public enum AnswerMode {
        /** Through a private form; nobody reads an answer before the reveal, and only the shared ones then. */
        SEALED,
        /** In the post's thread, where everyone can read them; feedback stays private. */
        OPEN;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        if (channel.kind() != Place.Kind.CHANNEL) {
            throw new IllegalArgumentException("a question of the day belongs to a channel, not a " + channel.kind());
        }
    }

    public Subscription(String id, Place channel, String track, PostTimes times, String createdBy, Instant createdAt) {
        this(id, channel, track, times, createdBy, createdAt, AnswerMode.SEALED, false, null, null);
    }

    public Optional<String> topicFilter() {
        return Optional.ofNullable(topic);
    }

    /** Whether a question of the track may be posted under this subscription's filters. */
    public boolean allows(Question question) {
        return (topic == null || question.topics().contains(topic))
                && (maxDifficulty == null || question.difficulty() <= maxDifficulty);
    }

    public Subscription withMode(AnswerMode newMode) {
        return new Subscription(id, channel, track, times, createdBy, createdAt, newMode, leaderboard, topic, maxDifficulty);
    }

    public Subscription withLeaderboard(boolean on) {
        return new Subscription(id, channel, track, times, createdBy, createdAt, mode, on, topic, maxDifficulty);
    }
}
