package dev.interviewcoach.feedback;

import dev.interviewcoach.question.Question;

/**
 * Judges an answer to a question. The rule-based engine is deterministic: same answer, same
 * feedback; the optional language-model reviewer may move its score by one point at most.
 */
public interface FeedbackEngine {

    Feedback assess(Question question, String answer);

    /**
     * As {@link #assess(Question, String)}, for a person in a workspace (a Slack team, a Discord
     * server): an engine that spends a per-workspace allowance (the language-model reviewer) uses it.
     */
    default Feedback assess(Question question, String answer, String workspace) {
        return assess(question, answer);
    }
}
