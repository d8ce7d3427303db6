package dev.interviewcoach.feedback;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real sentence model, remembering every vector it made, answers included, for the test classes
 * of one run and, in {@code folder}, for the runs after it: the labelled answers and the banks change
 * rarely, and a text that recurs (an example answer, a correction, a repeated sentence) is run through
 * the model once. Exact: the model runs each text on its own, so a text always gets the same vector
 * whatever it is embedded with, and the file is keyed by model and text (a deleted folder only costs
 * time). The product never keeps an answer's vectors; only these tests do.
 */
final class RememberingEmbedder implements SentenceEmbedder {

    private final String modelId;
    private final CachedEmbedder vectors;

    RememberingEmbedder(SentenceEmbedder model, Path folder) {
        this.modelId = model.modelId();
        this.vectors = new CachedEmbedder(model, Optional.of(folder));
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return vectors.embedKnown(texts);
    }
}
