package dev.interviewcoach.interview;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One person's mock interview as stored: which questions, where they are, and a version that
 * rises with every change, so two instances can never both apply a change to the same state.
 */
public record MockSession(
        String id,
        UserRef user,
        Place place,
        String track,
        List<String> questionIds,
        int position,
        int hintsShown,
        Status status,
        boolean endedEarly,
        long version,
        Instant startedAt,
        Instant finishedAt) {

    /** Whether the interview still takes answers. */
    public enum Status {
        ACTIVE,
        FINISHED
    }

    public MockSession {
        Objects.requireNonNull(id, "id");
        questionIds = List.copyOf(questionIds);
        if (questionIds.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one question");
        }
        if (position < 0 || position > questionIds.size()) {
            throw new IllegalArgumentException("position out of range: " + position);
        }
    }

    public int total() {
        return questionIds.size();
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** The question being asked; only meaningful while active. */
    public String currentQuestionId() {
        return questionIds.get(position);
    }

    /** The same session moved to the next question, or finished after the last. */
    MockSession advanced(Instant now) {
        int next = position + 1;
        if (next >= questionIds.size()) {
            return new MockSession(id, user, place, track, questionIds, next, 0, Status.FINISHED, false,
                    version + 1, startedAt, now);
        }
        return new MockSession(id, user, place, track, questionIds, next, 0, status, endedEarly, version + 1,
                startedAt, finishedAt);
    }

    MockSession withHintShown() {
        return new MockSession(id, user, place, track, questionIds, position, hintsShown + 1, status, endedEarly,
                version + 1, startedAt, finishedAt);
    }

    MockSession endedEarly(Instant now) {
        return new MockSession(id, user, place, track, questionIds, position, hintsShown, Status.FINISHED, true,
                version + 1, startedAt, now);
    }
}
