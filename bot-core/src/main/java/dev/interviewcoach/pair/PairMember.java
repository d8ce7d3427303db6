package dev.interviewcoach.pair;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.UserRef;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A person in a channel's weekly pairing: whether they opted in, the track and working hours (in
 * their zone) they are paired by, pairings missed in a row, whether they are left out for missing
 * two, and since when they have waited for a partner.
 */
public record PairMember(UserRef user, Place channel, String track, WorkingHours hours, boolean optedIn,
                         int missedInRow, boolean leftOut, Optional<Instant> waitingSince, Instant joinedAt) {

    /** Missed pairings in a row that leave a person out until they opt in again. */
    public static final int MISSES_TO_LEAVE_OUT = 2;

    /** Whether the next pairing includes them. */
    public boolean pairable() {
        return optedIn && !leftOut;
    }

    public ZoneId zone() {
        return hours.zone();
    }

    public PairMember optIn(String track, WorkingHours hours) {
        return new PairMember(user, channel, track, hours, true, 0, false, waitingSince, joinedAt);
    }

    public PairMember optOut() {
        return new PairMember(user, channel, track, hours, false, missedInRow, leftOut, Optional.empty(), joinedAt);
    }

    public PairMember waitingFrom(Optional<Instant> since) {
        return new PairMember(user, channel, track, hours, optedIn, missedInRow, leftOut, since, joinedAt);
    }

    /** After a pairing closed: a miss counts, taking part clears the count; two misses leave them out. */
    public PairMember after(boolean tookPart) {
        int missed = tookPart ? 0 : missedInRow + 1;
        return new PairMember(user, channel, track, hours, optedIn, missed, leftOut || missed >= MISSES_TO_LEAVE_OUT,
                waitingSince, joinedAt);
    }
}
