package dev.interviewcoach.app;

import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.reviewer.LanguageModelReviewer;
import dev.interviewcoach.feedback.reviewer.ReviewerSettings;
import dev.interviewcoach.feedback.reviewer.ReviewingFeedbackEngine;
import dev.interviewcoach.observe.CoachMetrics;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The language-model reviewer the configuration asks for: none while {@code review.llm.url} is empty. */
final class Reviewer {

    private static final Logger log = LoggerFactory.getLogger(Reviewer.class);

    private Reviewer() {
    }

    static Optional<LanguageModelReviewer> of(CoachConfig.Review review, CoachMetrics metrics) {
        Optional<ReviewerSettings> settings = review.settings();
        settings.ifPresent(s -> log.info("answers get a second opinion from model {} at {}{}", s.model(), s.where(),
                s.loopback() ? " (on this machine)" : " (answers leave this machine)"));
        // Timeouts, the breaker and the per-workspace limit run on real time, also under the console's moved clock.
        return settings.map(s -> LanguageModelReviewer.of(s, metrics.reviewer(), Clock.systemUTC()));
    }

    /** The engine with the reviewer around it, or the engine alone. */
    static Optional<ReviewingFeedbackEngine> around(FeedbackEngine engine, CoachConfig.Review review, CoachMetrics metrics) {
        return of(review, metrics).map(r -> new ReviewingFeedbackEngine(engine, r));
    }

    /** One line on where answers go, for people reading a command's output. */
    static String describe(CoachConfig.Review review) {
        return review.settings().map(s -> "reviewer: model " + s.model() + " at " + s.where()
                + (s.loopback() ? " (on this machine)" : " (answers leave this machine)")).orElse("reviewer: off");
    }
}
