package dev.interviewcoach.feedback.meaning;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (quantized), a 384-dimension sentence model that ships inside its Maven package
 * and runs in-process on ONNX Runtime: no network, about 2-5 ms a sentence on one core. The model
 * starts loading in the background when this is built, so start-up does not wait for it; the first
 * answer scored waits for the rest of the load (about half a second).
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private final CompletableFuture<EmbeddingModel> model;

    public MiniLmEmbedder(Executor inference) {
        this.model = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            EmbeddingModel loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(inference);
            loaded.embed("warm up");
            log.info("Sentence model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            return loaded;
        }, task -> Thread.ofPlatform().name("sentence-model-load").daemon().start(task));
    }

    @Override
    public String modelId() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        EmbeddingModel loaded = loaded();
        List<Embedding> embeddings = texts.size() == 1
                ? List.of(loaded.embed(texts.getFirst()).content())
                : loaded.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(SentenceEmbedder.normalized(e.vector()));
        }
        return out;
    }

    private EmbeddingModel loaded() {
        try {
            return model.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sentence model loaded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sentence model could not be loaded: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
