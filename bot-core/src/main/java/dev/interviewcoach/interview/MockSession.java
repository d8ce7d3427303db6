package dev.interviewcoach.interview;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One person's mock interview as stored: which questions, where they are, whether it asks
 * follow-up questions and which one it is waiting on, and a version that rises with every change,
 * so two instances can never both apply a change to the same state.
 *
 * @param followUps  whether an answer that misses a point or makes a wrong claim gets one follow-up
 * @param followUpOn the follow-up the current question is waiting on (a talking point's id, or
 *                   {@link FollowUps#QUESTION} for the question's own); null when none
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
        Instant finishedAt,
        boolean followUps,
        String followUpOn) {

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

    /** A session as it was before follow-up questions: none asked. */
    public MockSession(String id, UserRef user, Place place, String track, List<String> questionIds, int position,
                       int hintsShown, Status status, boolean endedEarly, long version, Instant startedAt,
                       Instant finishedAt) {
        this(id, user, place, track, questionIds, position, hintsShown, status, endedEarly, version, startedAt,
                finishedAt, false, null);
    }

    /** Whether the current question waits on the answer to a follow-up. */
    public boolean awaitingFollowUp() {
        return followUpOn != null;
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
                    version + 1, startedAt, now, followUps, null);
        }
        return new MockSession(id, user, place, track, questionIds, next, 0, status, endedEarly, version + 1,
                startedAt, finishedAt, followUps, null);
    }

    MockSession withHintShown() {
        return new MockSession(id, user, place, track, questionIds, position, hintsShown + 1, status, endedEarly,
                version + 1, startedAt, finishedAt, followUps, followUpOn);
    }

    /** The same session, its current question now waiting on the follow-up {@code probe}. */
    MockSession withFollowUp(String probe) {
        return new MockSession(id, user, place, track, questionIds, position, hintsShown, status, endedEarly,
                version + 1, startedAt, finishedAt, followUps, probe);
    }

    MockSession endedEarly(Instant now) {
        return new MockSession(id, user, place, track, questionIds, position, hintsShown, Status.FINISHED, true,
                version + 1, startedAt, now, followUps, null);
    }
}
