package dev.interviewcoach.store;

import dev.interviewcoach.chat.ChatJson;
import dev.interviewcoach.chat.Inbound;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.util.Optional;

/**
 * Every platform delivery, recorded before the platform is told it arrived (table
 * {@code processed_event}, from V1 and V8). A delivery seen before is recognised; one recorded
 * but not yet handled when the process stopped is found again on the next start.
 */
public final class Inbox {

    /** Where a delivery stands. */
    public enum State {
        /** Seen for the first time now. */
        NEW,
        /** Recorded earlier and not yet handled: handle it. */
        PENDING,
        /** Handled already (or given up on): a repeat delivery. */
        DONE
    }

    /** After this many starts that did not finish (a crash each time), an event is given up on. */
    public static final int MAX_ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ChatJson json = new ChatJson();
    private final Outbox outbox;

    public Inbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.outbox = new Outbox(jdbi, clock);
    }

    /** The clock the records are kept by. */
    public Clock clock() {
        return clock;
    }

    /** The replies side: what handled events cause, waiting to be delivered. */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Runs work as one {@link UnitOfWork}: the state an event changes and the replies it causes are
     * stored together or not at all.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return UnitOfWork.run(jdbi, work);
    }

    /** Whether the unit of work on this thread has begun writing, so holds its transaction open. */
    public boolean writing() {
        return UnitOfWork.writing(jdbi);
    }

    /** Records a delivery with its content, so it can be handled after a restart. */
    public State record(Inbound event) {
        return record(event, 0);
    }

    /**
     * As {@link #record(Inbound)}, with its first start counted already: for an event handed
     * straight to a lane, which then starts it without a write of its own (see {@link #start}).
     * Should the process stop with the event queued, that counts as a start that did not finish.
     */
    public State recordStarted(Inbound event) {
        return record(event, 1);
    }

    private State record(Inbound event, int attempts) {
        // Not a group commit, unlike the sent marks: grouped, the acknowledgements' p99 at 200 events/s went from
        // about 6 to 39 ms (docs/performance.md), each waiting for the group before it instead of the write alone.
        int inserted = insert(new Recording(event.eventId(), clock.millis(), json.write(event), attempts));
        if (inserted == 1) {
            return State.NEW;
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM processed_event WHERE event_id = :id")
                        .bind("id", event.eventId()).mapTo(String.class).findOne())
                .map(status -> status.equals("PENDING") ? State.PENDING : State.DONE)
                .orElse(State.NEW);
    }

    /** One event to record, its content already written out. */
    private record Recording(String eventId, long at, String payload, int attempts) {}

    /** Inserts the event unless it is there already; 1 if it inserted it. */
    private int insert(Recording r) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO processed_event (event_id, processed_at, status, payload, attempts, not_before)
                        VALUES (:id, :at, 'PENDING', :payload, :attempts, 0)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .bind("id", r.eventId())
                .bind("at", r.at())
                .bind("payload", r.payload())
                .bind("attempts", r.attempts())
                .execute());
    }

    /** Where a delivery stands, by looking only (no write): empty when it was never recorded. */
    public Optional<State> state(String eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM processed_event WHERE event_id = :id")
                        .bind("id", eventId).mapTo(String.class).findOne())
                .map(status -> status.equals("PENDING") ? State.PENDING : State.DONE);
    }

    /** Records the event; true the first time it is seen, false for a repeat delivery. */
    public boolean firstDelivery(Inbound event) {
        return record(event) == State.NEW;
    }

    /** Whether an event may be handled now, counted as a start. */
    public enum Start {
        /** Go on: pending, and not yet started too often. */
        GO,
        /** Handled already (by another lane or instance), or unknown. */
        HANDLED,
        /** Started too often without finishing (each start ended in a crash): given up on now. */
        GIVEN_UP
    }

    /**
     * Counts a start on a pending event, in one statement. An event that keeps crashing the
     * process is given up on after {@link #MAX_ATTEMPTS} starts.
     */
    public Start start(String eventId) {
        Optional<Integer> attempts = jdbi.withHandle(h -> h.createQuery("""
                        UPDATE processed_event SET attempts = attempts + 1
                         WHERE event_id = :id AND status = 'PENDING'
                        RETURNING attempts
                        """)
                .bind("id", eventId).mapTo(Integer.class).findOne());
        if (attempts.isEmpty()) {
            return Start.HANDLED;
        }
        if (attempts.get() > MAX_ATTEMPTS) {
            finish(eventId);
            return Start.GIVEN_UP;
        }
        return Start.GO;
    }

    /**
     * Marks the event handled, inside the caller's transaction; false when another worker handled
     * it first (then the caller's work must not count).
     */
    public boolean take(String eventId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE processed_event SET status = 'DONE', payload = NULL
                         WHERE event_id = :id AND status = 'PENDING'
                        """)
                .bind("id", eventId).execute()) == 1;
    }

    /** Marks the event handled (or given up on) whatever its state. */
    public void finish(String eventId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE processed_event SET status = 'DONE', payload = NULL WHERE event_id = :id")
                .bind("id", eventId).execute());
    }

    /** Leaves the event pending until {@code delay} has passed (a platform asked to wait). */
    public void retryAfter(String eventId, Duration delay) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE processed_event SET not_before = :at WHERE event_id = :id")
                .bind("at", clock.millis() + delay.toMillis()).bind("id", eventId).execute());
    }

    /**
     * Drops the record of a delivery the coach could not take (too busy), so the platform's
     * retry of it is handled as new.
     */
    public void forget(String eventId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM processed_event WHERE event_id = :id AND status = 'PENDING'")
                .bind("id", eventId).execute());
    }

    /**
     * Events recorded at least {@code age} ago and still not handled: left by a process that
     * stopped, or waiting out a rate limit. Oldest first.
     */
    public List<Inbound> pending(Duration age, int limit) {
        List<Inbound> events = new ArrayList<>();
        for (Pending pending : pendingAfter(age, limit, null)) {
            event(pending.eventId()).ifPresent(events::add);
        }
        return events;
    }

    /** A pending event's id and when it was recorded: the place a page ends, to go on from. */
    public record Pending(String eventId, long recordedAt) {
    }

    /**
     * Like {@link #pending(Duration, int)}, one page at a time and without the content (a caller
     * that has the event in hand already need not read it): the events after {@code after}
     * (recorded later, or at the same time with a later id), oldest first; null for the first page.
     */
    public List<Pending> pendingAfter(Duration age, int limit, Pending after) {
        long now = clock.millis();
        long afterAt = after == null ? Long.MIN_VALUE : after.recordedAt();
        String afterId = after == null ? "" : after.eventId();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT event_id, processed_at FROM processed_event
                         WHERE status = 'PENDING' AND processed_at <= :before AND not_before <= :now
                           AND payload IS NOT NULL
                           AND (processed_at > :afterAt OR (processed_at = :afterAt AND event_id > :afterId))
                         ORDER BY processed_at, event_id
                         LIMIT :limit
                        """)
                .bind("before", now - age.toMillis()).bind("now", now).bind("limit", limit)
                .bind("afterAt", afterAt).bind("afterId", afterId)
                .map((rs, ctx) -> new Pending(rs.getString("event_id"), rs.getLong("processed_at")))
                .list());
    }

    /** The content of an event still pending; empty once it is handled (or was never recorded). */
    public Optional<Inbound> event(String eventId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT payload FROM processed_event WHERE event_id = :id AND status = 'PENDING' AND payload IS NOT NULL")
                .bind("id", eventId).mapTo(String.class).findOne())
                .map(payload -> json.read(payload, Inbound.class));
    }

    /** How many events wait to be handled. */
    public int pendingCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM processed_event WHERE status = 'PENDING'")
                .mapTo(Integer.class).one());
    }

    /**
     * Gives up every event still waiting to be handled that was recorded before {@code beforeMillis} (its platform
     * has been off that long), dropping its content; for the limit on how long answers are kept. Returns how many.
     */
    public static int giveUpRecordedBefore(Handle h, long beforeMillis) {
        return h.createUpdate("UPDATE processed_event SET status = 'DONE', payload = NULL"
                + " WHERE status = 'PENDING' AND processed_at < :before").bind("before", beforeMillis).execute();
    }

    /**
     * Forgets handled deliveries older than {@code age}: platforms retry within minutes (Slack for
     * about an hour at most), so a week's record is plenty. Returns how many went.
     */
    public int forgetOlderThan(Duration age) {
        long before = clock.millis() - age.toMillis();
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM processed_event WHERE processed_at < :before AND status = 'DONE'")
                .bind("before", before).execute())
                + outbox.forgetDeliveredBefore(before);
    }
}
