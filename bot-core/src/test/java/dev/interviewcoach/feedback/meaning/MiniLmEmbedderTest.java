package dev.interviewcoach.feedback.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence model as the coach loads it: in-process, and calling no one. */
class MiniLmEmbedderTest {

    @Test
    void loadingTheModelTurnsOffTheTokenizerLibrarysTelemetry() {
        List<float[]> vectors = new MiniLmEmbedder().embed(List.of("The GIL lets one thread run bytecode at a time."));
        assertThat(vectors).singleElement().satisfies(v -> assertThat(v).hasSize(384));
        // Without it the library asks 169.254.169.254 (a cloud's metadata address) about the machine at load.
        assertThat(System.getenv("OPT_OUT_TRACKING") != null || "true".equals(System.getProperty("OPT_OUT_TRACKING")))
                .isTrue();
    }
}
