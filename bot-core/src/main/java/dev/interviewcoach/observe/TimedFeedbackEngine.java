package dev.interviewcoach.observe;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.question.Question;

/** Feedback with its time recorded, so scoring cost shows on the dashboard. */
public final class TimedFeedbackEngine implements FeedbackEngine {

    private final FeedbackEngine engine;
    private final CoachMetrics metrics;

    public TimedFeedbackEngine(FeedbackEngine engine, CoachMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @Override
    public Feedback assess(Question question, String answer) {
        return metrics.feedbackTimer().record(() -> engine.assess(question, answer));
    }

    @Override
    public Feedback assess(Question question, String answer, String workspace) {
        return metrics.feedbackTimer().record(() -> engine.assess(question, answer, workspace));
    }
}
