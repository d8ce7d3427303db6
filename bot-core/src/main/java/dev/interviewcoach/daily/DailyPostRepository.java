package dev.interviewcoach.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Claims and remembers daily posts (table from V4__daily_posts.sql). */
public final class DailyPostRepository {

    private final Jdbi jdbi;

    public DailyPostRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Claims the post of a subscription for a local date. Exactly one caller ever gets true, across
     * threads, restarts and instances: the primary key decides.
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
                .execute()) == 1;
    }

    /** Records where the claimed post went, for the reveal. */
    public void posted(String subscriptionId, LocalDate date, String messageId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE daily_post SET message_id = :message WHERE subscription_id = :sub AND local_date = :date
                        """)
                .bind("message", messageId).bind("sub", subscriptionId).bind("date", date.toString()).execute());
    }

    /** A post as stored: whose, for which date, which question, and the message that carries it. */
    public record Post(String subscriptionId, java.time.LocalDate localDate, String questionId, String messageId) {}

    /** The post carried by a message, so replies in its thread find their question. */
    public java.util.Optional<Post> byMessage(String messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM daily_post WHERE message_id = :message")
                .bind("message", messageId)
                .map((rs, ctx) -> new Post(rs.getString("subscription_id"), LocalDate.parse(rs.getString("local_date")),
                        rs.getString("question_id"), rs.getString("message_id")))
                .findOne());
    }

    /** The questions a subscription has posted, oldest first. */
    public List<String> postedQuestions(String subscriptionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT question_id FROM daily_post WHERE subscription_id = :sub ORDER BY local_date
                        """)
                .bind("sub", subscriptionId).mapTo(String.class).list());
    }
}
