package dev.interviewcoach.feedback;

import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real sentence model, remembering every vector it made for the test classes of one run, so a
 * text that recurs across cases and classes (an example answer, a correction, a repeated sentence)
 * is run through the model once. Exact: the model runs each text on its own, so a text always gets
 * the same vector whatever it is embedded with.
 */
final class RememberingEmbedder implements SentenceEmbedder {

    private final SentenceEmbedder model;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    RememberingEmbedder(SentenceEmbedder model) {
        this.model = model;
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !vectors.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> made = model.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.putIfAbsent(missing.get(i), made.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(vectors.get(t)));
        return out;
    }
}
