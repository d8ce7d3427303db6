package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Place;
import java.time.Instant;
import java.util.Objects;

/** A channel's question of the day: which track, and when ({@link PostTimes}). */
public record Subscription(String id, Place channel, String track, PostTimes times, String createdBy, Instant createdAt) {
    public Subscription {
        Objects.requireNonNull(id, "id");
        if (channel.kind() != Place.Kind.CHANNEL) {
            throw new IllegalArgumentException("a question of the day belongs to a channel, not a " + channel.kind());
        }
    }
}
