package dev.interviewcoach.interview;

import java.time.Instant;
import java.util.List;

/** What happened to one question of a session: answered (with its score), skipped, or withdrawn by its author. */
public record AnswerRecord(
        String sessionId,
        int position,
        String questionId,
        Outcome outcome,
        String answerText,
        Integer score,
        List<String> coveredPointIds,
        List<String> missedPointIds,
        int hintsUsed,
        Instant at) {

    /** How a question ended. */
    public enum Outcome {
        ANSWERED,
        SKIPPED,
        /** Answered, then the message deleted by its author: it no longer counts and its text is not kept. */
        WITHDRAWN
    }

    public AnswerRecord {
        coveredPointIds = List.copyOf(coveredPointIds);
        missedPointIds = List.copyOf(missedPointIds);
    }
}
