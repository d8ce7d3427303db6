package dev.interviewcoach.feedback;

import dev.interviewcoach.question.Question;

/** Judges an answer to a question. Implementations are deterministic: same answer, same feedback. */
public interface FeedbackEngine {

    Feedback assess(Question question, String answer);
}
