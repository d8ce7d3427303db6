package dev.interviewcoach.feedback.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vector cache on disk: a restart reads what was made, and a write cut short costs only that write. */
class CachedEmbedderTest {

    @TempDir
    Path dir;

    /** A stand-in model: a text's vector is its length and first letter; it counts the texts it is asked for. */
    private static final class CountingModel implements SentenceEmbedder {
        final List<String> asked = new ArrayList<>();

        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            asked.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length(), t.charAt(0)}).toList();
        }
    }

    private static final List<String> BANK = IntStream.range(0, 20).mapToObj(i -> "talking point number " + i).toList();

    private Path cacheFile() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("counting.")).findFirst().orElseThrow();
        }
    }

    @Test
    void aRestartReadsTheVectorsMadeBeforeInsteadOfAskingTheModel() {
        CountingModel first = new CountingModel();
        List<float[]> made = new CachedEmbedder(first, Optional.of(dir)).embedKnown(BANK);
        assertThat(first.asked).hasSize(20);

        CountingModel second = new CountingModel();
        List<float[]> read = new CachedEmbedder(second, Optional.of(dir)).embedKnown(BANK);
        assertThat(second.asked).isEmpty();
        assertThat(read).zipSatisfy(made, (r, m) -> assertThat(r).containsExactly(m));
    }

    @Test
    void aWriteCutShortByAKillCostsOnlyTheEntryItCut() throws Exception {
        new CachedEmbedder(new CountingModel(), Optional.of(dir)).embedKnown(BANK);
        Path file = cacheFile();
        byte[] whole = Files.readAllBytes(file);
        // The process ended in the middle of the last entry's vector.
        Files.write(file, Arrays.copyOf(whole, whole.length - 3));

        CountingModel afterTheKill = new CountingModel();
        new CachedEmbedder(afterTheKill, Optional.of(dir)).embedKnown(BANK);
        assertThat(afterTheKill.asked).as("only the cut entry is made again").containsExactly(BANK.getLast());

        CountingModel next = new CountingModel();
        new CachedEmbedder(next, Optional.of(dir)).embedKnown(BANK);
        assertThat(next.asked).as("the file is whole again").isEmpty();
        assertThat(Files.size(file)).isEqualTo(whole.length);
    }

    @Test
    void aWriteCutInsideTheNextEntrysLengthIsCutBackToo() throws Exception {
        new CachedEmbedder(new CountingModel(), Optional.of(dir)).embedKnown(BANK);
        Path file = cacheFile();
        long whole = Files.size(file);
        Files.write(file, new byte[] {0, 0}, java.nio.file.StandardOpenOption.APPEND); // two bytes of a length

        CountingModel afterTheKill = new CountingModel();
        new CachedEmbedder(afterTheKill, Optional.of(dir)).embedKnown(BANK);
        assertThat(afterTheKill.asked).isEmpty();
        assertThat(Files.size(file)).isEqualTo(whole);

        new CachedEmbedder(new CountingModel(), Optional.of(dir)).embedKnown(List.of("one more text"));
        CountingModel next = new CountingModel();
        new CachedEmbedder(next, Optional.of(dir)).embedKnown(BANK);
        assertThat(next.asked).as("what came after the cut is read, not taken for a garbled file").isEmpty();
    }

    @Test
    void aGarbledFileIsSetAsideAndWrittenAfresh() throws Exception {
        new CachedEmbedder(new CountingModel(), Optional.of(dir)).embedKnown(BANK);
        Path file = cacheFile();
        Files.write(file, new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 1, 2, 3});

        CountingModel afterwards = new CountingModel();
        new CachedEmbedder(afterwards, Optional.of(dir)).embedKnown(BANK);
        assertThat(afterwards.asked).hasSize(20);

        CountingModel next = new CountingModel();
        new CachedEmbedder(next, Optional.of(dir)).embedKnown(BANK);
        assertThat(next.asked).isEmpty();
    }
}
