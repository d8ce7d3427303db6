package dev.interviewcoach.pair;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.UserRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Two people paired for a week in a channel: {@code first} interviews {@code second} on turn 1,
 * then they swap for turn 2 (turn 3 means both questions are done). They meet in {@code place},
 * a private conversation for the two; the pairing closes at {@code windowEnds}, and whoever
 * never took part by then missed it.
 */
public record Pairing(String id, Place channel, LocalDate localDate, String track, String first, String second,
                      Place place, int turn, boolean firstShowed, boolean secondShowed, Instant windowEnds,
                      Optional<Instant> closedAt, Instant createdAt) {

    /** The turn after the second question. */
    public static final int DONE = 3;

    public boolean has(String userId) {
        return first.equals(userId) || second.equals(userId);
    }

    public String interviewer(int turn) {
        return turn == 1 ? first : second;
    }

    public String candidate(int turn) {
        return turn == 1 ? second : first;
    }

    public String partnerOf(String userId) {
        return first.equals(userId) ? second : first;
    }

    public boolean showed(String userId) {
        return first.equals(userId) ? firstShowed : secondShowed;
    }

    public UserRef user(String userId) {
        return new UserRef(channel.platform(), channel.tenant(), userId);
    }

    public boolean open() {
        return closedAt.isEmpty();
    }
}
