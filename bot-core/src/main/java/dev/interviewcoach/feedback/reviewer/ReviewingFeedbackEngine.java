package dev.interviewcoach.feedback.reviewer;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.question.Question;

/**
 * The engine's feedback, with the language-model reviewer's second opinion folded in when it
 * answers in time: the score moves by one point at most, and only on evidence the candidate wrote.
 * Whatever the reviewer does (time out, fail, say something odd), the engine's feedback stands.
 */
public final class ReviewingFeedbackEngine implements FeedbackEngine {

    private final FeedbackEngine engine;
    private final LanguageModelReviewer reviewer;

    public ReviewingFeedbackEngine(FeedbackEngine engine, LanguageModelReviewer reviewer) {
        this.engine = engine;
        this.reviewer = reviewer;
    }

    @Override
    public Feedback assess(Question question, String answer) {
        return reviewed(question, answer, "").result();
    }

    @Override
    public Feedback assess(Question question, String answer, String workspace) {
        return reviewed(question, answer, workspace).result();
    }

    /** Both opinions and how they were combined: for {@code coach score --json} and {@code coach eval --reviewer}. */
    public ReviewedFeedback reviewed(Question question, String answer, String workspace) {
        Feedback own = engine.assess(question, answer);
        return ReviewedFeedback.of(own, reviewer.review(question, answer, own, workspace));
    }

    public LanguageModelReviewer reviewer() {
        return reviewer;
    }
}
