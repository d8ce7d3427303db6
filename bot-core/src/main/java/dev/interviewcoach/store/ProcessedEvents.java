package dev.interviewcoach.store;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Remembers which platform deliveries were handled (table from V1__mock_sessions.sql). */
public final class ProcessedEvents {

    private final Jdbi jdbi;
    private final Clock clock;

    public ProcessedEvents(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records the event; true the first time it is seen, false for a repeat delivery. */
    public boolean firstDelivery(String eventId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO processed_event (event_id, processed_at) VALUES (:id, :at)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .bind("id", eventId)
                .bind("at", clock.millis())
                .execute()) == 1;
    }

    /**
     * Forgets deliveries older than {@code age}: platforms retry within minutes (Slack for about an
     * hour at most), so a week's record is plenty. Returns how many went.
     */
    public int forgetOlderThan(java.time.Duration age) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM processed_event WHERE processed_at < :before")
                .bind("before", clock.millis() - age.toMillis()).execute());
    }
}
