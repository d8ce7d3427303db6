package dev.interviewcoach.interview;

import java.time.Instant;
import java.util.List;

/**
 * The follow-up asked on one question of a session and how it went: answered (with its score, the
 * points it made and missed) or skipped.
 *
 * @param probe    what was probed: a talking point's id, or {@link FollowUps#QUESTION}
 * @param asked    the follow-up question as the person saw it
 */
public record FollowUpRecord(String sessionId, int position, String probe, String asked, AnswerRecord.Outcome outcome,
                             String answerText, Integer score, List<String> coveredPointIds,
                             List<String> missedPointIds, Instant at) {

    public FollowUpRecord {
        coveredPointIds = List.copyOf(coveredPointIds);
        missedPointIds = List.copyOf(missedPointIds);
    }
}
