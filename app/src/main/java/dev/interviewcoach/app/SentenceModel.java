package dev.interviewcoach.app;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.MiniLmEmbedder;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The sentence model the configuration asks for: none with {@code feedback.semantic: off}. */
final class SentenceModel {

    /** One inference pool for the process: an answer's sentences are embedded two at a time. */
    private static final int INFERENCE_THREADS = 2;

    private SentenceModel() {
    }

    static Optional<CachedEmbedder> of(CoachConfig.Feedback settings) {
        if (!settings.semantic()) {
            return Optional.empty();
        }
        ExecutorService inference = Executors.newFixedThreadPool(INFERENCE_THREADS,
                Thread.ofPlatform().name("sentence-model-", 0).daemon().factory());
        return Optional.of(new CachedEmbedder(new MiniLmEmbedder(inference), settings.vectorCache()));
    }
}
