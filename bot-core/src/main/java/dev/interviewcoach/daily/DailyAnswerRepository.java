package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.store.ScoreTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Answers to questions of the day (table from V6__daily_answers.sql): one scored answer per
 * person per post; the text stays private to its author unless they choose to share it.
 */
public final class DailyAnswerRepository {

    /** One stored answer. {@code covered} and {@code missed} are talking point ids. */
    public record Answer(String subscriptionId, LocalDate localDate, UserRef user, String questionId, String text,
                         int score, List<String> covered, List<String> missed, boolean shared, Instant answeredAt) {}

    private final Jdbi jdbi;

    public DailyAnswerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a person's answer to a post; false when they had answered it already (the first one counts). */
    public boolean add(Answer a) {
        return add(a, null);
    }

    /**
     * Stores a person's answer to a post with the id of the message that carried it (null when none
     * did: the private form), so an edit of it can be scored again; false when they had answered already.
     */
    public boolean add(Answer a, String messageId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO daily_answer (subscription_id, local_date, platform, tenant, user_id, question_id,
                            answer_text, score, covered, missed, share, answered_at, message_id)
                        VALUES (:sub, :date, :platform, :tenant, :user, :question, :text, :score, :covered, :missed,
                            :share, :at, :message)
                        ON CONFLICT (subscription_id, local_date, platform, tenant, user_id) DO NOTHING
                        """)
                .bind("message", messageId)
                .bind("sub", a.subscriptionId())
                .bind("date", a.localDate().toString())
                .bind("platform", a.user().platform().name())
                .bind("tenant", a.user().tenant())
                .bind("user", a.user().userId())
                .bind("question", a.questionId())
                .bind("text", a.text())
                .bind("score", a.score())
                .bind("covered", String.join(",", a.covered()))
                .bind("missed", String.join(",", a.missed()))
                .bind("share", a.shared() ? 1 : 0)
                .bind("at", a.answeredAt().toEpochMilli())
                .execute()) == 1;
    }

    /**
     * The id of the message that carried a person's answer to a post; empty when they have not
     * answered it, or answered through the private form.
     */
    public Optional<String> messageOf(String subscriptionId, LocalDate date, UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT message_id FROM daily_answer WHERE subscription_id = :sub AND local_date = :date
                            AND platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString())
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .mapTo(String.class).findFirst());
    }

    /** Marks a person's answer as put together from several messages. */
    public void markJoined(String subscriptionId, LocalDate date, UserRef user) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE daily_answer SET joined = 1 WHERE subscription_id = :sub AND local_date = :date
                            AND platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString())
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute());
    }

    /** Whether a person's answer was put together from several messages. */
    public boolean joined(String subscriptionId, LocalDate date, UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT joined FROM daily_answer WHERE subscription_id = :sub AND local_date = :date
                            AND platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString())
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .mapTo(Integer.class).findFirst().orElse(0)) == 1;
    }

    /**
     * Replaces what a person's answer says and how it scored, after they edited the message that
     * carried it; its time and whether it is shared stay. False when there is no such answer.
     */
    public boolean rescore(Answer edited) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE daily_answer SET answer_text = :text, score = :score, covered = :covered, missed = :missed
                        WHERE subscription_id = :sub AND local_date = :date
                            AND platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("text", edited.text()).bind("score", edited.score())
                .bind("covered", String.join(",", edited.covered())).bind("missed", String.join(",", edited.missed()))
                .bind("sub", edited.subscriptionId()).bind("date", edited.localDate().toString())
                .bind("platform", edited.user().platform().name()).bind("tenant", edited.user().tenant())
                .bind("user", edited.user().userId())
                .execute()) == 1;
    }

    /** Marks a person's answer to be shown at the reveal; false when there is no such answer. */
    public boolean share(String subscriptionId, LocalDate date, UserRef user) {
        return setShared(subscriptionId, date, user, true);
    }

    /** Takes back a share before the reveal; false when the person has no answer to that post. */
    public boolean unshare(String subscriptionId, LocalDate date, UserRef user) {
        return setShared(subscriptionId, date, user, false);
    }

    private boolean setShared(String subscriptionId, LocalDate date, UserRef user, boolean shared) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE daily_answer SET share = :share WHERE subscription_id = :sub AND local_date = :date
                            AND platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("share", shared ? 1 : 0).bind("sub", subscriptionId).bind("date", date.toString())
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute()) == 1;
    }

    /** The answer to a post carried by a message, whoever sent it (a deletion in a Discord server names no one). */
    public Optional<Answer> byMessage(String subscriptionId, LocalDate date, String messageId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM daily_answer WHERE subscription_id = :sub AND local_date = :date
                            AND message_id = :message
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString()).bind("message", messageId)
                .map((rs, ctx) -> answer(rs)).findFirst());
    }

    /** Takes a person's answer to a post back (they deleted the message that carried it); false when there was none. */
    public boolean withdraw(String subscriptionId, LocalDate date, UserRef user) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM daily_answer WHERE subscription_id = :sub AND local_date = :date
                            AND platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString())
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute()) == 1;
    }

    public List<Answer> forPost(String subscriptionId, LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM daily_answer WHERE subscription_id = :sub AND local_date = :date ORDER BY answered_at
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString())
                .map((rs, ctx) -> answer(rs)).list());
    }

    public int count(String subscriptionId, LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM daily_answer WHERE subscription_id = :sub AND local_date = :date
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString()).mapTo(Integer.class).one());
    }

    /** Everything a person answered, oldest first: for their stats and their export. */
    public List<Answer> byUser(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM daily_answer WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        ORDER BY answered_at
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .map((rs, ctx) -> answer(rs)).list());
    }

    /** A person's answers to questions of the day summed up per question by the database (no track: see {@link ScoreTally}). */
    public List<ScoreTally> scoreTallies(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT question_id, COUNT(*) AS answers, SUM(score) AS score_sum, MAX(answered_at) AS latest
                          FROM daily_answer WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                         GROUP BY question_id
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .map((rs, ctx) -> new ScoreTally(null, rs.getString("question_id"), rs.getInt("answers"),
                        rs.getLong("score_sum"), Instant.ofEpochMilli(rs.getLong("latest"))))
                .list());
    }

    /** Answers given in a subscription's channel per person in a local-date range (inclusive): the leaderboard. */
    public List<Count> countsBetween(String subscriptionId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT platform, tenant, user_id, COUNT(*) AS answers FROM daily_answer
                        WHERE subscription_id = :sub AND local_date >= :from AND local_date <= :to
                        GROUP BY platform, tenant, user_id ORDER BY answers DESC, MIN(answered_at)
                        """)
                .bind("sub", subscriptionId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> new Count(new UserRef(Platform.valueOf(rs.getString("platform")), rs.getString("tenant"),
                        rs.getString("user_id")), rs.getInt("answers"))).list());
    }

    /** How many questions of the day one person answered. */
    public record Count(UserRef user, int answers) {}

    public int deleteFor(UserRef user) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM daily_answer WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute());
    }

    private static Answer answer(ResultSet rs) throws SQLException {
        return new Answer(rs.getString("subscription_id"), LocalDate.parse(rs.getString("local_date")),
                new UserRef(Platform.valueOf(rs.getString("platform")), rs.getString("tenant"), rs.getString("user_id")),
                rs.getString("question_id"), rs.getString("answer_text"), rs.getInt("score"), ids(rs.getString("covered")),
                ids(rs.getString("missed")), rs.getInt("share") == 1, Instant.ofEpochMilli(rs.getLong("answered_at")));
    }

    private static List<String> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    Optional<Answer> find(String subscriptionId, LocalDate date, UserRef user) {
        return forPost(subscriptionId, date).stream().filter(a -> a.user().equals(user)).findFirst();
    }
}
