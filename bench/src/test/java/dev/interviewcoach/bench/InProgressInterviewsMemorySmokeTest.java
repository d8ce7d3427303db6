package dev.interviewcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The memory mode, tiny: a few interviews in progress beside a few subscriptions, measured. */
class InProgressInterviewsMemorySmokeTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void interviewsStartedForTheMemoryModeStayInProgressBesideTheSubscriptions() throws Exception {
        InProgressInterviewsMemory.Result result = InProgressInterviewsMemory.run(20, 30, 2, 16, QUIET);

        assertThat(result.inProgress()).isEqualTo(20);
        assertThat(result.subscriptionsStored()).isEqualTo(30);
        assertThat(result.withInterviewsMb()).isPositive();
    }
}
