package dev.interviewcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daily-check cost mode, tiny: two small sizes on an embedded PostgreSQL, counted and timed. */
class DailyCheckCostSmokeTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theDailyCheckOnPostgresIsCountedAndTimedForEachSize() throws Exception {
        List<DailyCheckCost.Size> sizes = DailyCheckCost.run(new int[] {24, 48}, 2, "postgres", QUIET);

        assertThat(sizes).extracting(DailyCheckCost.Size::subscriptions).containsExactly(24, 48);
        for (DailyCheckCost.Size size : sizes) {
            assertThat(size.firstPosts()).as("some are due at " + DailyCheckCost.AT).isPositive();
            assertThat(size.first().statements()).isGreaterThanOrEqualTo(1 + size.firstPosts());
            assertThat(size.quiet().statements()).isPositive();
            assertThat(size.tick().statements()).isGreaterThanOrEqualTo(size.quiet().statements());
            assertThat(size.first().millis()).isPositive();
        }
    }
}
