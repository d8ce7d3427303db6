package dev.interviewcoach.feedback.meaning;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.BufferedInputStream;

/**
 * Remembers the vectors of texts that recur (talking points, misconceptions, example sentences) in
 * memory and, when given a folder, in a file keyed by model and text, so a restart does not pay to
 * embed a bank again. Answers are never cached: {@link #embedFresh} passes them straight through.
 */
public final class CachedEmbedder {

    private static final Logger log = LoggerFactory.getLogger(CachedEmbedder.class);

    /** Changes whenever vectors of the same model would come out differently (pooling, truncation). */
    private static final String FORMAT = "mean128";

    private final SentenceEmbedder embedder;
    private final Map<String, float[]> known = new ConcurrentHashMap<>();
    private final Optional<Path> file;

    public CachedEmbedder(SentenceEmbedder embedder, Optional<Path> folder) {
        this.embedder = embedder;
        this.file = folder.map(f -> f.resolve(embedder.modelId() + "." + FORMAT + ".vectors"));
        file.ifPresent(this::load);
    }

    /** Vectors for texts that recur, from the cache where it has them. */
    public List<float[]> embedKnown(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !known.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = embedder.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                known.put(missing.get(i), vectors.get(i));
            }
            file.ifPresent(f -> append(f, missing, vectors));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(known.get(t)));
        return out;
    }

    /** Loads the model now rather than on the first text that needs it, by reading one sentence; cheap once loaded. */
    public void load() {
        embedder.embed(List.of("A sentence read to load the model."));
    }

    /** Vectors for texts seen once (an answer's sentences). */
    public List<float[]> embedFresh(List<String> texts) {
        return embedder.embed(texts);
    }

    private void load(Path f) {
        if (!Files.exists(f)) {
            return;
        }
        int count = 0;
        long whole = 0; // bytes of the entries read in full
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    break; // the end, between entries
                }
                // the rest of the length: a write cut inside it is a cut entry like any other (EOFException below)
                int length = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                if (length < 0 || length > 1_000_000) {
                    throw new IOException("bad text length " + length);
                }
                byte[] bytes = in.readNBytes(length);
                if (bytes.length != length) {
                    throw new EOFException("torn entry");
                }
                int dims = in.readInt();
                if (dims <= 0 || dims > 4096) {
                    throw new IOException("bad vector size " + dims);
                }
                float[] v = new float[dims];
                for (int i = 0; i < dims; i++) {
                    v[i] = in.readFloat();
                }
                known.put(new String(bytes, StandardCharsets.UTF_8), v);
                count++;
                whole += Integer.BYTES + length + Integer.BYTES + (long) Float.BYTES * dims;
            }
            log.debug("Read {} cached sentence vectors from {}", count, f);
        } catch (EOFException cut) {
            // The process ended in the middle of a write (a kill, a power cut): what was written whole is kept,
            // and the cut entry is dropped so that the next ones follow a whole entry.
            keepWhole(f, whole, count);
        } catch (IOException | RuntimeException e) {
            // A garbled or foreign file costs only the time to embed the banks again.
            log.warn("Ignoring the sentence-vector cache {} ({}); it will be written afresh", f, e.getMessage());
            known.clear();
            delete(f);
        }
    }

    private void keepWhole(Path f, long whole, int count) {
        try (FileChannel file = FileChannel.open(f, StandardOpenOption.WRITE)) {
            file.truncate(whole);
            log.info("The sentence-vector cache {} ended in the middle of an entry; kept the {} vectors before it",
                    f, count);
        } catch (IOException e) {
            log.warn("Ignoring the sentence-vector cache {} (it ends in the middle of an entry and cannot be cut"
                    + " back: {}); it will be written afresh", f, e.getMessage());
            known.clear();
            delete(f);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // the next append recreates it
        }
    }

    private synchronized void append(Path f, List<String> texts, List<float[]> vectors) {
        try {
            Files.createDirectories(f.toAbsolutePath().getParent());
            try (OutputStream raw = Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                for (int i = 0; i < texts.size(); i++) {
                    byte[] bytes = texts.get(i).getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                    out.writeInt(vectors.get(i).length);
                    for (float x : vectors.get(i)) {
                        out.writeFloat(x);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Could not write the sentence-vector cache {}: {}", f, e.getMessage());
        }
    }

}
