package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;

/** What every end-to-end fixture checks as it closes: the flows its test ran waited on no platform mid-transaction. */
public final class PlatformWaits {

    private PlatformWaits() {
    }

    /**
     * Fails when an event's work called Slack or Discord after it began writing: its transaction, and on SQLite
     * every writer of the process, would have waited for that round trip.
     */
    public static void noneInsideTransactions(Coach coach) {
        assertThat(coach.metrics().registry().find("coach.platform.calls.while.writing").counters())
                .as("platform calls made inside an event's open transaction")
                .allSatisfy(c -> assertThat(c.count()).as(describe(c)).isZero());
    }

    private static String describe(Counter c) {
        return c.getId().getTag("call") + " on " + c.getId().getTag("platform");
    }
}
