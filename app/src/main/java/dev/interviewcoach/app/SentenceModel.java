package dev.interviewcoach.app;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.MiniLmEmbedder;
import java.util.Optional;

/** The sentence model the configuration asks for: none with {@code feedback.semantic: off}. */
final class SentenceModel {

    private SentenceModel() {
    }

    static Optional<CachedEmbedder> of(CoachConfig.Feedback settings) {
        if (!settings.semantic()) {
            return Optional.empty();
        }
        return Optional.of(new CachedEmbedder(new MiniLmEmbedder(), settings.vectorCache()));
    }

    /** As {@link #of(CoachConfig.Feedback)}, for a terminal command that a stop may end only between texts. */
    static Optional<CachedEmbedder> of(CoachConfig.Feedback settings, StopOutsideTheModel stops) {
        if (!settings.semantic()) {
            return Optional.empty();
        }
        return Optional.of(new CachedEmbedder(stops.around(new MiniLmEmbedder()), settings.vectorCache()));
    }
}
