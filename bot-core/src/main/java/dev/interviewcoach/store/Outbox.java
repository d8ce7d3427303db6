package dev.interviewcoach.store;

import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * Replies waiting to go out (table {@code outbox_reply}, from V8). A row is written in the
 * transaction of the change that caused it and delivered in id order within its lane (the place
 * it goes to), so feedback never arrives after the question that follows it.
 */
public final class Outbox {

    /** What a row asks the platform to do. */
    public enum Op {
        POST,
        UPDATE,
        MARK_RECEIVED,
        PUBLISH_HOME,
        POST_FILE
    }

    /**
     * One reply waiting; {@code user} is who caused it, told if it cannot be delivered; {@code claimedUntil}: until when
     * a deliverer holds it, 0 for nobody.
     */
    public record Entry(long id, String lane, Platform platform, String eventId, UserRef user, Op op, String payload,
                        int attempts, long notBefore, long createdAt, long claimedUntil) {}

    /**
     * A finished row keeps only its id, state and the platform's message id: who it was for, where
     * it went and what it said are dropped, so nothing of a person outlives its delivery here.
     */
    private static final String FORGET_CONTENT = "payload = '', lane = '-', tenant = NULL, user_id = NULL, event_id = NULL";

    private final Jdbi jdbi;
    private final Clock clock;
    /** The sending threads' marks, written together. */
    private final GroupCommit<Map<Long, String>, Void> sentMarks;

    Outbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.sentMarks = new GroupCommit<>(jdbi, marks -> {
            marks.forEach(this::markSent);
            return null;
        });
    }

    /** Adds a reply; joins the transaction open on this thread, if any. Returns the row's id. */
    public long add(String lane, Platform platform, String eventId, UserRef user, Op op, String payload) {
        return add(lane, platform, eventId, user, op, payload, null);
    }

    /**
     * Adds a reply already claimed until {@code claimedUntil} by whoever adds it (it sends it itself
     * once its transaction commits, with no claim to take); null for unclaimed.
     */
    public long add(String lane, Platform platform, String eventId, UserRef user, Op op, String payload,
                    Long claimedUntil) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO outbox_reply (lane, platform, event_id, tenant, user_id, op, payload, status,
                            attempts, not_before, created_at, claimed_until)
                        VALUES (:lane, :platform, :event, :tenant, :user, :op, :payload, 'PENDING', 0, 0, :at, :claimed)
                        """)
                .bind("claimed", claimedUntil)
                .bind("lane", lane)
                .bind("platform", platform.name())
                .bind("event", eventId)
                .bind("tenant", user == null ? null : user.tenant())
                .bind("user", user == null ? null : user.userId())
                .bind("op", op.name())
                .bind("payload", payload)
                .bind("at", clock.millis())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** The oldest reply of a lane that is neither sent nor given up on. */
    public Optional<Entry> head(String lane) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, lane, platform, event_id, tenant, user_id, op, payload, attempts, not_before, created_at,
                               claimed_until
                          FROM outbox_reply
                         WHERE lane = :lane AND status = 'PENDING'
                         ORDER BY id
                         LIMIT 1
                        """)
                .bind("lane", lane)
                .map((rs, ctx) -> {
                    Platform platform = Platform.valueOf(rs.getString("platform"));
                    String tenant = rs.getString("tenant");
                    String user = rs.getString("user_id");
                    return new Entry(rs.getLong("id"), rs.getString("lane"), platform, rs.getString("event_id"),
                            tenant == null || user == null ? null : new UserRef(platform, tenant, user),
                            Op.valueOf(rs.getString("op")), rs.getString("payload"), rs.getInt("attempts"),
                            rs.getLong("not_before"), rs.getLong("created_at"), rs.getLong("claimed_until"));
                })
                .findOne());
    }

    /**
     * Takes a reply for delivery until {@code untilMillis}; false when another deliverer holds it.
     * A deliverer that dies lets its claim run out, and the reply goes out from elsewhere.
     */
    public boolean claim(long id, long untilMillis) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE outbox_reply SET claimed_until = :until
                         WHERE id = :id AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)
                        """)
                .bind("until", untilMillis).bind("id", id).bind("now", now).execute()) == 1;
    }

    /**
     * Moves the claim on those of {@code ids} still waiting and still claimed until {@code heldUntil}
     * (by whoever wrote them) on to {@code untilMillis}; returns how many it moved. Fewer than asked:
     * the claim ran out and another deliverer took or sent some.
     */
    public int renewClaims(Collection<Long> ids, long heldUntil, long untilMillis) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE outbox_reply SET claimed_until = :until
                         WHERE id IN (<ids>) AND status = 'PENDING' AND claimed_until = :held
                        """)
                .bindList("ids", List.copyOf(ids)).bind("held", heldUntil).bind("until", untilMillis).execute());
    }

    /** Gives up the claims on those of {@code ids} still claimed until {@code heldUntil}: the holder's own. */
    public void release(Collection<Long> ids, long heldUntil) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox_reply SET claimed_until = NULL
                         WHERE id IN (<ids>) AND status = 'PENDING' AND claimed_until = :held
                        """)
                .bindList("ids", List.copyOf(ids)).bind("held", heldUntil).execute());
    }

    /** Gives up the claims on those of {@code ids} still waiting, so any deliverer may take them. */
    public void release(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox_reply SET claimed_until = NULL WHERE id IN (<ids>) AND status = 'PENDING'
                        """)
                .bindList("ids", List.copyOf(ids)).execute());
    }

    /** The reply went out; {@code deliveredId} is the platform's id for the message, when there is one. */
    public void sent(long id, String deliveredId) {
        sentAll(Collections.singletonMap(id, deliveredId)); // the platform may give no id: a null value
    }

    /**
     * Several replies went out: marked together, in one commit, which may also hold other sending threads' marks
     * ({@link GroupCommit}); they are committed when this returns.
     */
    public void sentAll(Map<Long, String> deliveredIds) {
        if (!deliveredIds.isEmpty()) {
            sentMarks.commit(deliveredIds);
        }
    }

    private void markSent(long id, String deliveredId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox_reply SET status = 'SENT', delivered_id = :delivered, claimed_until = NULL,
                            created_at = :now, """ + FORGET_CONTENT + """
                         WHERE id = :id
                        """)
                .bind("delivered", deliveredId).bind("id", id).bind("now", clock.millis()).execute());
    }

    /** The platform asked to wait, or failed for now: try again at {@code notBeforeMillis}. */
    public void deferred(long id, long notBeforeMillis, String why) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox_reply SET attempts = attempts + 1, not_before = :at, claimed_until = NULL,
                            last_error = :why
                         WHERE id = :id
                        """)
                .bind("at", notBeforeMillis).bind("why", shorten(why)).bind("id", id).execute());
    }

    /** Given up on: it stops holding its lane. */
    public void failed(long id, String why) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox_reply SET status = 'FAILED', claimed_until = NULL, last_error = :why,
                            created_at = :now, """ + FORGET_CONTENT + """
                         WHERE id = :id
                        """)
                .bind("why", shorten(why)).bind("id", id).bind("now", clock.millis()).execute());
    }

    /**
     * Gives up every reply still waiting that was written before {@code beforeMillis} (its platform has been off that
     * long), dropping what it said; for the limit on how long answers are kept. Returns how many.
     */
    public static int giveUpWrittenBefore(Handle h, long beforeMillis, long nowMillis, String why) {
        return h.createUpdate("UPDATE outbox_reply SET status = 'FAILED', claimed_until = NULL, last_error = :why,"
                        + " created_at = :now, " + FORGET_CONTENT + " WHERE status = 'PENDING' AND created_at < :before")
                .bind("why", shorten(why)).bind("now", nowMillis).bind("before", beforeMillis).execute();
    }

    /** The platform's id of the message a delivered row posted. */
    public Optional<String> deliveredId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT delivered_id FROM outbox_reply WHERE id = :id AND status = 'SENT'")
                .bind("id", id).mapTo(String.class).findOne());
    }

    /** Lanes whose oldest waiting reply may go out now. */
    public List<String> dueLanes(int limit) {
        return dueLanes(limit, 0);
    }

    /** Lanes whose oldest waiting reply may go out now, oldest first, after the first {@code skip} of them. */
    public List<String> dueLanes(int limit, int skip) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT lane FROM outbox_reply
                         WHERE status = 'PENDING' AND not_before <= :now AND (claimed_until IS NULL OR claimed_until < :now)
                         GROUP BY lane
                         ORDER BY MIN(id)
                         LIMIT :limit OFFSET :skip
                        """)
                .bind("now", now).bind("limit", limit).bind("skip", skip).mapTo(String.class).list());
    }

    /** Replies waiting, across lanes. */
    public int pendingCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_reply WHERE status = 'PENDING'")
                .mapTo(Integer.class).one());
    }

    /** Forgets delivered and given-up rows finished before the time given (their content is gone already). */
    int forgetDeliveredBefore(long beforeMillis) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM outbox_reply WHERE status <> 'PENDING' AND created_at < :before")
                .bind("before", beforeMillis).execute());
    }

    private static String shorten(String why) {
        return why == null ? null : why.length() <= 500 ? why : why.substring(0, 500);
    }
}
