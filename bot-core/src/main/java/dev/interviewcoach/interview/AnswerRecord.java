package dev.interviewcoach.interview;

import java.time.Instant;
import java.util.List;

/** What happened to one question of a session: answered (with its score) or skipped. */
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
        SKIPPED
    }

    public AnswerRecord {
        coveredPointIds = List.copyOf(coveredPointIds);
        missedPointIds = List.copyOf(missedPointIds);
    }
}
