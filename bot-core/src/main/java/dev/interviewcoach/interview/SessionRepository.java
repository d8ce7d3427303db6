package dev.interviewcoach.interview;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.store.ScoreTally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stores mock sessions and their answers (tables from V1__mock_sessions.sql). A change is
 * saved only against the version it was computed from, together with its answer, in one
 * transaction: a stale writer learns it lost and nothing half-done is left behind.
 */
public final class SessionRepository {

    private final Jdbi jdbi;

    public SessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a new session; false if the person already has one in progress. */
    public boolean create(MockSession s) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO mock_session (id, platform, tenant, user_id, place_key, place_channel,
                                place_thread, place_kind, track, question_ids, position, hints_shown, status,
                                ended_early, version, started_at, finished_at, follow_ups, follow_up_on)
                            VALUES (:id, :platform, :tenant, :user, :placeKey, :channel, :thread, :kind, :track,
                                :questions, :position, :hints, :status, :early, :version, :started, :finished,
                                :followUps, :followUpOn)
                            """)
                    .bind("id", s.id())
                    .bind("platform", s.user().platform().name())
                    .bind("tenant", s.user().tenant())
                    .bind("user", s.user().userId())
                    .bind("placeKey", s.place().key())
                    .bind("channel", s.place().channelId())
                    .bind("thread", s.place().threadId())
                    .bind("kind", s.place().kind().name())
                    .bind("track", s.track())
                    .bind("questions", String.join(",", s.questionIds()))
                    .bind("position", s.position())
                    .bind("hints", s.hintsShown())
                    .bind("status", s.status().name())
                    .bind("early", s.endedEarly() ? 1 : 0)
                    .bind("version", s.version())
                    .bind("started", s.startedAt().toEpochMilli())
                    .bind("finished", s.finishedAt() == null ? null : s.finishedAt().toEpochMilli())
                    .bind("followUps", s.followUps() ? 1 : 0)
                    .bind("followUpOn", s.followUpOn())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (activeFor(s.user()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Saves a step: the session moves from {@code expectedVersion} to its new state and the
     * answer, if any, is stored with it. False when another writer got there first.
     */
    public boolean save(MockSession s, long expectedVersion, Optional<AnswerRecord> answer) {
        return save(s, expectedVersion, answer, Optional.empty());
    }

    /** As {@link #save(MockSession, long, Optional)}, with the answer to a follow-up, if any. */
    public boolean save(MockSession s, long expectedVersion, Optional<AnswerRecord> answer,
                        Optional<FollowUpRecord> followUp) {
        return save(s, expectedVersion, answer, followUp, null);
    }

    /**
     * As above; {@code answerMessageId}, when not null, is the message that carried the answer, stored with it (as
     * {@link #rememberAnswerMessage} would store it later).
     */
    public boolean save(MockSession s, long expectedVersion, Optional<AnswerRecord> answer,
                        Optional<FollowUpRecord> followUp, String answerMessageId) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE mock_session
                               SET position = :position, hints_shown = :hints, status = :status,
                                   ended_early = :early, version = :version, finished_at = :finished,
                                   follow_up_on = :followUpOn
                             WHERE id = :id AND version = :expected
                            """)
                    .bind("followUpOn", s.followUpOn())
                    .bind("position", s.position())
                    .bind("hints", s.hintsShown())
                    .bind("status", s.status().name())
                    .bind("early", s.endedEarly() ? 1 : 0)
                    .bind("version", s.version())
                    .bind("finished", s.finishedAt() == null ? null : s.finishedAt().toEpochMilli())
                    .bind("id", s.id())
                    .bind("expected", expectedVersion)
                    .execute();
            if (updated == 0) {
                // Nothing was written here, so nothing to undo; inside an event's unit of work the transaction
                // is the unit's, and its earlier writes stay.
                return false;
            }
            answer.ifPresent(a -> insertAnswer(h, a, answerMessageId));
            followUp.ifPresent(f -> insertFollowUp(h, f));
            return true;
        });
    }

    private static void insertFollowUp(Handle h, FollowUpRecord f) {
        h.createUpdate("""
                        INSERT INTO mock_follow_up (session_id, position, probe, asked, outcome, answer_text, score,
                            covered, missed, answered_at)
                        VALUES (:session, :position, :probe, :asked, :outcome, :text, :score, :covered, :missed, :at)
                        """)
                .bind("session", f.sessionId())
                .bind("position", f.position())
                .bind("probe", f.probe())
                .bind("asked", f.asked())
                .bind("outcome", f.outcome().name())
                .bind("text", f.answerText())
                .bind("score", f.score())
                .bind("covered", String.join(",", f.coveredPointIds()))
                .bind("missed", String.join(",", f.missedPointIds()))
                .bind("at", f.at().toEpochMilli())
                .execute();
    }

    /** Replaces what a follow-up's answer says and how it scored (the rest of it came in a further message). */
    public void rescoreFollowUp(FollowUpRecord f) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE mock_follow_up SET answer_text = :text, score = :score, covered = :covered, missed = :missed
                        WHERE session_id = :session AND position = :position
                        """)
                .bind("text", f.answerText()).bind("score", f.score())
                .bind("covered", String.join(",", f.coveredPointIds())).bind("missed", String.join(",", f.missedPointIds()))
                .bind("session", f.sessionId()).bind("position", f.position())
                .execute());
    }

    /** The follow-ups of one session, by question position. */
    public List<FollowUpRecord> followUps(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mock_follow_up WHERE session_id = :id ORDER BY position")
                .bind("id", sessionId)
                .map((rs, ctx) -> {
                    int score = rs.getInt("score");
                    Integer scoreOrNull = rs.wasNull() ? null : score;
                    return new FollowUpRecord(rs.getString("session_id"), rs.getInt("position"), rs.getString("probe"),
                            rs.getString("asked"), AnswerRecord.Outcome.valueOf(rs.getString("outcome")),
                            rs.getString("answer_text"), scoreOrNull, split(rs.getString("covered")),
                            split(rs.getString("missed")), Instant.ofEpochMilli(rs.getLong("answered_at")));
                }).list());
    }

    private static void insertAnswer(Handle h, AnswerRecord a, String messageId) {
        h.createUpdate("""
                        INSERT INTO mock_answer (session_id, position, question_id, outcome, answer_text, score,
                            covered, missed, hints_used, answered_at, message_id)
                        VALUES (:session, :position, :question, :outcome, :text, :score, :covered, :missed,
                            :hints, :at, :message)
                        """)
                .bind("message", messageId)
                .bind("session", a.sessionId())
                .bind("position", a.position())
                .bind("question", a.questionId())
                .bind("outcome", a.outcome().name())
                .bind("text", a.answerText())
                .bind("score", a.score())
                .bind("covered", String.join(",", a.coveredPointIds()))
                .bind("missed", String.join(",", a.missedPointIds()))
                .bind("hints", a.hintsUsed())
                .bind("at", a.at().toEpochMilli())
                .execute();
    }

    /** Remembers which message carried the answer at {@code position}, so its edit can be found. */
    public void rememberAnswerMessage(String sessionId, int position, String messageId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE mock_answer SET message_id = :message WHERE session_id = :id AND position = :position
                        """)
                .bind("message", messageId).bind("id", sessionId).bind("position", position).execute());
    }

    /** Marks an answer as put together from several messages: an edit of one of them is not the whole answer. */
    public void markJoined(String sessionId, int position) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE mock_answer SET joined = 1 WHERE session_id = :id AND position = :position")
                .bind("id", sessionId).bind("position", position).execute());
    }

    /** Whether an answer was put together from several messages. */
    public boolean joined(String sessionId, int position) {
        return jdbi.withHandle(h -> h.createQuery("SELECT joined FROM mock_answer WHERE session_id = :id AND position = :position")
                .bind("id", sessionId).bind("position", position).mapTo(Integer.class).findFirst().orElse(0)) == 1;
    }

    /** The position of the answer a message carried in a session, if that message carried one. */
    public Optional<Integer> answerOfMessage(String sessionId, String messageId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT position FROM mock_answer WHERE session_id = :id AND message_id = :message
                        """)
                .bind("id", sessionId).bind("message", messageId).mapTo(Integer.class).findFirst());
    }

    /** Which answer of an interview held at a place a message carried, in any interview held there, finished or not. */
    public Optional<AnswerAt> answerAt(Place place, String messageId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.session_id, a.position FROM mock_answer a JOIN mock_session s ON s.id = a.session_id
                         WHERE s.place_key = :key AND a.message_id = :message
                        """)
                .bind("key", place.key()).bind("message", messageId)
                .map((rs, ctx) -> new AnswerAt(rs.getString("session_id"), rs.getInt("position"))).findFirst());
    }

    /**
     * Which answer a message carried in any direct conversation on the platform of {@code place}, with a person of
     * its tenant: for a deletion the platform does not say whose DM it was in. Only where message ids are unique
     * across conversations (Discord's are).
     */
    public Optional<AnswerAt> answerInAnyDirect(Place place, String messageId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.session_id, a.position FROM mock_answer a JOIN mock_session s ON s.id = a.session_id
                         WHERE a.message_id = :message AND s.platform = :platform AND s.tenant = :tenant
                           AND s.place_kind = 'DIRECT'
                        """)
                .bind("message", messageId).bind("platform", place.platform().name()).bind("tenant", place.tenant())
                .map((rs, ctx) -> new AnswerAt(rs.getString("session_id"), rs.getInt("position"))).findFirst());
    }

    /** One stored answer's place in its interview. */
    public record AnswerAt(String sessionId, int position) {}

    /**
     * Takes back an answer whose message its author deleted: it no longer counts, and neither its text nor which
     * points it made are kept. False when it was withdrawn already (a repeated deletion event).
     */
    public boolean withdraw(String sessionId, int position) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE mock_answer SET outcome = 'WITHDRAWN', answer_text = NULL, score = NULL, covered = '',
                               missed = '', message_id = NULL
                         WHERE session_id = :id AND position = :position AND outcome = 'ANSWERED'
                        """)
                .bind("id", sessionId).bind("position", position).execute()) > 0;
    }

    /** Replaces an answer's text and how it scored (the person edited it); its time and hints stay. */
    public void rescore(AnswerRecord edited) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE mock_answer SET answer_text = :text, score = :score, covered = :covered, missed = :missed
                        WHERE session_id = :id AND position = :position
                        """)
                .bind("text", edited.answerText()).bind("score", edited.score())
                .bind("covered", String.join(",", edited.coveredPointIds()))
                .bind("missed", String.join(",", edited.missedPointIds()))
                .bind("id", edited.sessionId()).bind("position", edited.position()).execute());
    }

    /** Remembers which message shows the session's current question. */
    public void rememberQuestionMessage(String sessionId, String messageId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE mock_session SET question_message = :message WHERE id = :id")
                .bind("message", messageId).bind("id", sessionId).execute());
    }

    /** The message showing the session's current question, if one was remembered (V2__question_message.sql). */
    public Optional<String> questionMessage(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT question_message FROM mock_session WHERE id = :id")
                .bind("id", sessionId).mapTo(String.class).findOne());
    }

    public Optional<MockSession> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mock_session WHERE id = :id")
                .bind("id", id).map(SessionRepository::session).findOne());
    }

    /** The person's interview in progress, wherever it is. */
    public Optional<MockSession> activeFor(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM mock_session
                         WHERE platform = :platform AND tenant = :tenant AND user_id = :user AND status = 'ACTIVE'
                        """)
                .bind("platform", user.platform().name())
                .bind("tenant", user.tenant())
                .bind("user", user.userId())
                .map(SessionRepository::session).findOne());
    }

    /** The interview in progress hosted by a thread or direct conversation, whoever it belongs to. */
    public Optional<MockSession> activeAt(Place place) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM mock_session WHERE place_key = :key AND status = 'ACTIVE'
                         ORDER BY started_at DESC LIMIT 1
                        """)
                .bind("key", place.key())
                .map(SessionRepository::session).findOne());
    }

    /** How many interviews are in progress, across everyone: for the dashboard. */
    public int activeCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mock_session WHERE status = 'ACTIVE'")
                .mapTo(Integer.class).one());
    }

    /** Deletes every session of a person and its answers; returns how many sessions went. */
    public int deleteFor(UserRef user) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            DELETE FROM mock_follow_up WHERE session_id IN (SELECT id FROM mock_session
                             WHERE platform = :platform AND tenant = :tenant AND user_id = :user)
                            """)
                    .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                    .execute();
            h.createUpdate("""
                            DELETE FROM mock_answer WHERE session_id IN (SELECT id FROM mock_session
                             WHERE platform = :platform AND tenant = :tenant AND user_id = :user)
                            """)
                    .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                    .execute();
            return h.createUpdate("DELETE FROM mock_session WHERE platform = :platform AND tenant = :tenant AND user_id = :user")
                    .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                    .execute();
        });
    }

    /** A person's most recent sessions, newest first. */
    public List<MockSession> recentFor(UserRef user, int limit) {
        return recent(user, limit, "");
    }

    /** A person's latest interviews that hold at least one scored answer, newest first. */
    public List<MockSession> recentAnsweredFor(UserRef user, int limit) {
        return recent(user, limit,
                " AND EXISTS (SELECT 1 FROM mock_answer a WHERE a.session_id = s.id AND a.outcome = 'ANSWERED')");
    }

    private List<MockSession> recent(UserRef user, int limit, String andAlso) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mock_session s"
                        + " WHERE platform = :platform AND tenant = :tenant AND user_id = :user" + andAlso
                        + " ORDER BY started_at DESC LIMIT :limit")
                .bind("platform", user.platform().name())
                .bind("tenant", user.tenant())
                .bind("user", user.userId())
                .bind("limit", limit)
                .map(SessionRepository::session).list());
    }

    /** Every answer of a person's sessions, by session id, in the order given: one query for a whole history. */
    public Map<String, List<AnswerRecord>> answersOf(UserRef user) {
        Map<String, List<AnswerRecord>> bySession = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT a.* FROM mock_answer a JOIN mock_session s ON s.id = a.session_id
                         WHERE s.platform = :platform AND s.tenant = :tenant AND s.user_id = :user
                         ORDER BY a.session_id, a.position
                        """)
                .bind("platform", user.platform().name())
                .bind("tenant", user.tenant())
                .bind("user", user.userId())
                .map((rs, ctx) -> Map.entry(rs.getString("session_id"), answer(rs, ctx)))
                .forEach(e -> bySession.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return bySession;
    }

    /**
     * A person's scored interview answers summed up per track and question by the database: what
     * topic weights need, read in one row per question however long the history.
     */
    public List<ScoreTally> scoreTallies(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.track, a.question_id, COUNT(*) AS answers, SUM(a.score) AS score_sum,
                               MAX(a.answered_at) AS latest
                          FROM mock_answer a JOIN mock_session s ON s.id = a.session_id
                         WHERE s.platform = :platform AND s.tenant = :tenant AND s.user_id = :user
                           AND a.outcome = 'ANSWERED' AND a.score IS NOT NULL
                         GROUP BY s.track, a.question_id
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .map((rs, ctx) -> new ScoreTally(rs.getString("track"), rs.getString("question_id"), rs.getInt("answers"),
                        rs.getLong("score_sum"), Instant.ofEpochMilli(rs.getLong("latest"))))
                .list());
    }

    /** A person's latest scored answer to one question given before {@code before}, in any of their interviews. */
    public Optional<AnswerRecord> lastAnswered(UserRef user, String questionId, Instant before) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.* FROM mock_answer a JOIN mock_session s ON s.id = a.session_id
                         WHERE s.platform = :platform AND s.tenant = :tenant AND s.user_id = :user
                           AND a.question_id = :question AND a.outcome = 'ANSWERED' AND a.answered_at < :before
                         ORDER BY a.answered_at DESC LIMIT 1
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .bind("question", questionId).bind("before", before.toEpochMilli())
                .map(SessionRepository::answer).findFirst());
    }

    /**
     * For each of {@code questionIds} a person answered before {@code before}, the score of their latest answer:
     * one query for a whole scorecard.
     */
    public Map<String, Integer> lastScores(UserRef user, Collection<String> questionIds, Instant before) {
        if (questionIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> latest = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT a.question_id, a.score FROM mock_answer a JOIN mock_session s ON s.id = a.session_id
                         WHERE s.platform = :platform AND s.tenant = :tenant AND s.user_id = :user
                           AND a.question_id IN (<questions>) AND a.outcome = 'ANSWERED' AND a.answered_at < :before
                         ORDER BY a.answered_at DESC
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .bindList("questions", List.copyOf(new LinkedHashSet<>(questionIds))).bind("before", before.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getString("question_id"), rs.getInt("score")))
                .forEach(e -> latest.putIfAbsent(e.getKey(), e.getValue())));
        return latest;
    }

    /** The answers of one session, in the order given. */
    public List<AnswerRecord> answers(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM mock_answer WHERE session_id = :id ORDER BY position
                        """)
                .bind("id", sessionId)
                .map(SessionRepository::answer).list());
    }

    private static MockSession session(ResultSet rs, StatementContext ctx) throws SQLException {
        Platform platform = Platform.valueOf(rs.getString("platform"));
        String tenant = rs.getString("tenant");
        Place.Kind kind = Place.Kind.valueOf(rs.getString("place_kind"));
        Place place = new Place(platform, tenant, rs.getString("place_channel"), rs.getString("place_thread"), kind);
        long finished = rs.getLong("finished_at");
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new MockSession(
                rs.getString("id"),
                new UserRef(platform, tenant, rs.getString("user_id")),
                place,
                rs.getString("track"),
                Arrays.asList(rs.getString("question_ids").split(",")),
                rs.getInt("position"),
                rs.getInt("hints_shown"),
                MockSession.Status.valueOf(rs.getString("status")),
                rs.getInt("ended_early") != 0,
                rs.getLong("version"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                finishedAt,
                rs.getInt("follow_ups") != 0,
                rs.getString("follow_up_on"));
    }

    private static AnswerRecord answer(ResultSet rs, StatementContext ctx) throws SQLException {
        int score = rs.getInt("score");
        Integer scoreOrNull = rs.wasNull() ? null : score;
        return new AnswerRecord(
                rs.getString("session_id"),
                rs.getInt("position"),
                rs.getString("question_id"),
                AnswerRecord.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("answer_text"),
                scoreOrNull,
                split(rs.getString("covered")),
                split(rs.getString("missed")),
                rs.getInt("hints_used"),
                Instant.ofEpochMilli(rs.getLong("answered_at")));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
