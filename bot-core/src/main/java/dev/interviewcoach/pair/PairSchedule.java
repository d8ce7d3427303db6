package dev.interviewcoach.pair;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.daily.PostTimes;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Objects;

/** A channel's weekly pairing: the track its pairs practise and when the pairs are made (one weekday, a local time, a zone). */
public record PairSchedule(Place channel, String track, PostTimes times, String createdBy, Instant createdAt) {

    public PairSchedule {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(track, "track");
        if (channel.kind() != Place.Kind.CHANNEL) {
            throw new IllegalArgumentException("a pairing belongs to a channel");
        }
        if (times.days().size() != 1) {
            throw new IllegalArgumentException("pairs are made on one weekday, not " + times.days());
        }
    }

    public DayOfWeek day() {
        return times.days().iterator().next();
    }
}
