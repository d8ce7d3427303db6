package dev.interviewcoach.review;

import dev.interviewcoach.chat.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Stores each person's review cards (table from V10__review_cards.sql). */
public final class ReviewRepository {

    /** One card as stored: whose, which question, and its FSRS state. */
    public record Stored(UserRef user, String track, String questionId, Fsrs.Card card) {}

    private final Jdbi jdbi;

    public ReviewRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Fsrs.Card> find(UserRef user, String track, String questionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM review_card WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                           AND track = :track AND question_id = :question
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .bind("track", track).bind("question", questionId)
                .map((rs, ctx) -> card(rs)).findOne());
    }

    /** Saves a card, replacing the one stored for the same person and question: one statement, on both databases. */
    public void save(UserRef user, String track, String questionId, Fsrs.Card card) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO review_card (platform, tenant, user_id, track, question_id, stability, difficulty,
                            last_review, due_at, reps, lapses)
                        VALUES (:platform, :tenant, :user, :track, :question, :stability, :difficulty, :last, :due,
                            :reps, :lapses)
                        ON CONFLICT (platform, tenant, user_id, track, question_id) DO UPDATE SET
                            stability = excluded.stability, difficulty = excluded.difficulty,
                            last_review = excluded.last_review, due_at = excluded.due_at, reps = excluded.reps,
                            lapses = excluded.lapses
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .bind("track", track).bind("question", questionId)
                .bind("stability", card.stability()).bind("difficulty", card.difficulty())
                .bind("last", card.lastReview().toEpochMilli()).bind("due", card.due().toEpochMilli())
                .bind("reps", card.reps()).bind("lapses", card.lapses())
                .execute());
    }

    /** A person's cards due at {@code now}, most overdue first. */
    public List<Stored> due(UserRef user, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM review_card WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                           AND due_at <= :now ORDER BY due_at, question_id
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Stored(user, rs.getString("track"), rs.getString("question_id"), card(rs))).list());
    }

    /** Every card of a person, for export. */
    public List<Stored> all(UserRef user) {
        return due(user, Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    /** Deletes every card of a person; returns how many went. */
    public int deleteFor(UserRef user) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM review_card WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute());
    }

    private static Fsrs.Card card(ResultSet rs) throws SQLException {
        return new Fsrs.Card(rs.getDouble("stability"), rs.getDouble("difficulty"),
                Instant.ofEpochMilli(rs.getLong("last_review")), Instant.ofEpochMilli(rs.getLong("due_at")),
                rs.getInt("reps"), rs.getInt("lapses"));
    }
}
