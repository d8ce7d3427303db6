package dev.interviewcoach.daily;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import org.jdbi.v3.core.statement.StatementContext;

/** Claims and remembers daily posts (table from V4__daily_posts.sql). */
public final class DailyPostRepository {

    /** Subscriptions per statement of {@link #claimedAmong}: well under every database's limit on parameters. */
    private static final int CLAIM_BATCH = 500;

    private final Jdbi jdbi;

    public DailyPostRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * How long a claim may stay without its message before it counts as left: its process died between the claim
     * and recording the post (a kill, a crash). Far longer than a post takes (its platform calls are bounded to
     * seconds, and a claim is stamped when it is made, not when its check began), so a post still under way is not
     * taken over; well inside the grace a late post is made in.
     */
    public static final Duration LEFT_AFTER = Duration.ofMinutes(10);

    /**
     * Claims the post of a subscription for a local date. Exactly one caller ever gets true, across
     * threads, restarts and instances: the primary key decides. A claim left without its message for
     * {@link #LEFT_AFTER} is taken over, so a process that died mid-post does not cost the channel its day.
     */
    public boolean claim(String subscriptionId, LocalDate date, String questionId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO daily_post (subscription_id, local_date, question_id, claimed_at)
                        VALUES (:sub, :date, :question, :at)
                        ON CONFLICT (subscription_id, local_date) DO NOTHING
                        """)
                .bind("sub", subscriptionId)
                .bind("date", date.toString())
                .bind("question", questionId)
                .bind("at", now.toEpochMilli())
                .execute() == 1
                || h.createUpdate("""
                        UPDATE daily_post SET question_id = :question, claimed_at = :at
                         WHERE subscription_id = :sub AND local_date = :date AND message_id IS NULL
                           AND claimed_at < :left
                        """)
                .bind("sub", subscriptionId)
                .bind("date", date.toString())
                .bind("question", questionId)
                .bind("at", now.toEpochMilli())
                .bind("left", now.minus(LEFT_AFTER).toEpochMilli())
                .execute() == 1);
    }

    /**
     * Records where the claimed post went, for the reveal: only while the claim made at {@code claimedAt} is still
     * the one held (a slow process whose claim was taken over must not overwrite the post that replaced its own).
     * False when it no longer is.
     */
    public boolean posted(String subscriptionId, LocalDate date, Instant claimedAt, String messageId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE daily_post SET message_id = :message
                         WHERE subscription_id = :sub AND local_date = :date AND claimed_at = :mine AND message_id IS NULL
                        """)
                .bind("message", messageId).bind("sub", subscriptionId).bind("date", date.toString())
                .bind("mine", claimedAt.toEpochMilli()).execute()) == 1;
    }

    /** A post as stored: whose, for which date, which question, the message that carries it, and whether revealed. */
    public record Post(String subscriptionId, LocalDate localDate, String questionId, String messageId, boolean revealed) {

        /** The post's key on buttons: subscription id and date, in characters an action id allows. */
        public String key() {
            return subscriptionId + "." + localDate.toString().replace("-", "");
        }
    }

    private static final String COLUMNS = "subscription_id, local_date, question_id, message_id, revealed_at";

    private static Post post(ResultSet rs, StatementContext ctx)
            throws SQLException {
        rs.getLong("revealed_at");
        boolean revealed = !rs.wasNull();
        return new Post(rs.getString("subscription_id"), LocalDate.parse(rs.getString("local_date")),
                rs.getString("question_id"), rs.getString("message_id"), revealed);
    }

    /** The post carried by a message, so replies in its thread find their question. */
    public Optional<Post> byMessage(String messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM daily_post WHERE message_id = :message")
                .bind("message", messageId).map(DailyPostRepository::post).findOne());
    }

    /** The post a button's key names (see {@link Post#key()}). */
    public Optional<Post> byKey(String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0 || key.length() - dot != 9) {
            return Optional.empty();
        }
        String digits = key.substring(dot + 1);
        LocalDate date;
        try {
            date = LocalDate.parse(digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return find(key.substring(0, dot), date);
    }

    public Optional<Post> find(String subscriptionId, LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM daily_post WHERE subscription_id = :sub AND local_date = :date")
                .bind("sub", subscriptionId).bind("date", date.toString()).map(DailyPostRepository::post).findOne());
    }

    /** The subscription's most recent post that went out. */
    public Optional<Post> latest(String subscriptionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM daily_post WHERE subscription_id = :sub"
                        + " AND message_id IS NOT NULL ORDER BY local_date DESC LIMIT 1")
                .bind("sub", subscriptionId).map(DailyPostRepository::post).findOne());
    }

    /**
     * Posts made but not yet revealed at {@code now}, oldest first: never claimed for a reveal, or claimed by a process
     * that left it unfinished (see {@link #LEFT_AFTER}), which would otherwise lose that day's recap.
     */
    public List<Post> unrevealed(String subscriptionId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM daily_post WHERE subscription_id = :sub"
                        + " AND message_id IS NOT NULL AND " + REVEAL_OPEN + " ORDER BY local_date")
                .bind("sub", subscriptionId).bind("left", now.minus(LEFT_AFTER).toEpochMilli())
                .map(DailyPostRepository::post).list());
    }

    /** A reveal still to make: not claimed, or claimed, still pending, and left before {@code :left}. */
    private static final String REVEAL_OPEN = "(revealed_at IS NULL OR reveal_pending = 1 AND revealed_at < :left)";

    /**
     * Claims a post's reveal at {@code now}, pending until {@link #revealDone}; exactly one caller gets true, as with
     * {@link #claim}, a left one taken over too.
     */
    public boolean claimReveal(String subscriptionId, LocalDate date, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE daily_post SET revealed_at = :at, reveal_pending = 1
                        WHERE subscription_id = :sub AND local_date = :date AND\s""" + REVEAL_OPEN)
                .bind("at", now.toEpochMilli()).bind("sub", subscriptionId).bind("date", date.toString())
                .bind("left", now.minus(LEFT_AFTER).toEpochMilli())
                .execute()) == 1;
    }

    /** Records that the reveal claimed at {@code claimedAt} is finished: its recap went out, or never can. */
    public boolean revealDone(String subscriptionId, LocalDate date, Instant claimedAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE daily_post SET reveal_pending = 0"
                        + " WHERE subscription_id = :sub AND local_date = :date AND revealed_at = :mine")
                .bind("sub", subscriptionId).bind("date", date.toString()).bind("mine", claimedAt.toEpochMilli())
                .execute()) == 1;
    }

    /**
     * Gives back the reveal claimed at {@code claimedAt} whose recap did not go out for now, so the next try of the
     * day's post reveals it; nothing when another has taken it over since.
     */
    public void unclaimReveal(String subscriptionId, LocalDate date, Instant claimedAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE daily_post SET revealed_at = NULL, reveal_pending = 0"
                        + " WHERE subscription_id = :sub AND local_date = :date AND revealed_at = :mine"
                        + " AND reveal_pending = 1")
                .bind("sub", subscriptionId).bind("date", date.toString()).bind("mine", claimedAt.toEpochMilli())
                .execute());
    }

    /**
     * Gives back the claim made at {@code claimedAt} whose post never went out, so a later check can post it; nothing
     * when another has taken it over since.
     */
    public void release(String subscriptionId, LocalDate date, Instant claimedAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        DELETE FROM daily_post WHERE subscription_id = :sub AND local_date = :date AND message_id IS NULL
                           AND claimed_at = :mine
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString()).bind("mine", claimedAt.toEpochMilli())
                .execute());
    }

    /**
     * The subscriptions, of those given with a local date each, whose post for that date is claimed
     * already (posted, or being posted by another instance). One statement per 500 subscriptions, so a
     * check can pass over the channels whose question is out without a statement for each.
     */
    public Set<String> claimedAmong(Map<String, LocalDate> dates, Instant now) {
        // A claim left without its message (see LEFT_AFTER) is not one: that post is still to make.
        long leftBefore = now.minus(LEFT_AFTER).toEpochMilli();
        Set<String> claimed = new HashSet<>();
        List<String> ids = List.copyOf(dates.keySet());
        for (int from = 0; from < ids.size(); from += CLAIM_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + CLAIM_BATCH));
            List<String> days = batch.stream().map(id -> dates.get(id).toString()).distinct().toList();
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT subscription_id, local_date FROM daily_post
                            WHERE subscription_id IN (<subs>) AND local_date IN (<dates>)
                              AND (message_id IS NOT NULL OR claimed_at >= :left)
                            """)
                    .bindList("subs", batch).bindList("dates", days).bind("left", leftBefore)
                    .map((rs, ctx) -> Map.entry(rs.getString("subscription_id"), rs.getString("local_date")))
                    .forEach(row -> {
                        // The dates are shared by the batch: keep only each subscription's own.
                        if (dates.get(row.getKey()).toString().equals(row.getValue())) {
                            claimed.add(row.getKey());
                        }
                    }));
        }
        return claimed;
    }

    /** The questions a subscription has posted, oldest first. */
    public List<String> postedQuestions(String subscriptionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT question_id FROM daily_post WHERE subscription_id = :sub ORDER BY local_date
                        """)
                .bind("sub", subscriptionId).mapTo(String.class).list());
    }
}
