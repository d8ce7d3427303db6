package dev.interviewcoach.digest;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.PostTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Digest settings, the claims that send each digest once, who agreed to be named (tables from
 * V13__digests.sql), and the scored answers a digest sums up: questions of the day of the cohort
 * channel and mock interviews held in it (ids and scores only, never what anyone wrote).
 */
public final class DigestRepository {

    /** One scored answer in a cohort: who, which question, the score and when. */
    public record Scored(UserRef user, String questionId, int score, Instant at) {}

    private final Jdbi jdbi;

    public DigestRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates or replaces the cohort's digest. */
    public void save(Digest d) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM cohort_digest WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel")
                    .bind("platform", d.cohort().platform().name()).bind("tenant", d.cohort().tenant())
                    .bind("channel", d.cohort().channelId()).execute();
            h.createUpdate("""
                            INSERT INTO cohort_digest (platform, tenant, channel_id, target_id, weekday, post_time, zone,
                                created_by, created_at)
                            VALUES (:platform, :tenant, :channel, :target, :weekday, :time, :zone, :by, :at)
                            """)
                    .bind("platform", d.cohort().platform().name()).bind("tenant", d.cohort().tenant())
                    .bind("channel", d.cohort().channelId()).bind("target", d.target().channelId())
                    .bind("weekday", d.day().name()).bind("time", d.times().at().toString())
                    .bind("zone", d.times().zone().getId()).bind("by", d.createdBy())
                    .bind("at", d.createdAt().toEpochMilli()).execute();
        });
    }

    public Optional<Digest> find(Place cohort) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM cohort_digest WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                        """)
                .bind("platform", cohort.platform().name()).bind("tenant", cohort.tenant())
                .bind("channel", cohort.channelId()).map((rs, ctx) -> digest(rs)).findOne());
    }

    /** Stops the cohort's digest; false when it had none. */
    public boolean delete(Place cohort) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM cohort_digest WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                        """)
                .bind("platform", cohort.platform().name()).bind("tenant", cohort.tenant())
                .bind("channel", cohort.channelId()).execute()) > 0;
    }

    public List<Digest> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cohort_digest d WHERE NOT EXISTS (SELECT 1 FROM tenant_removed r WHERE r.platform = d.platform AND r.tenant = d.tenant)"
                        + " ORDER BY created_at")
                .map((rs, ctx) -> digest(rs)).list());
    }

    /** True for exactly one caller, on any instance, per cohort and local date: that caller sends it. */
    public boolean claim(Place cohort, LocalDate date, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO cohort_digest_sent (platform, tenant, channel_id, local_date, sent_at)
                        VALUES (:platform, :tenant, :channel, :date, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("platform", cohort.platform().name()).bind("tenant", cohort.tenant())
                .bind("channel", cohort.channelId()).bind("date", date.toString()).bind("at", now.toEpochMilli())
                .execute()) == 1;
    }

    /** Gives a claim back after the platform refused the digest, so a later check tries again. */
    public void release(Place cohort, LocalDate date) {
        jdbi.useHandle(h -> h.createUpdate("""
                        DELETE FROM cohort_digest_sent
                        WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel AND local_date = :date
                        """)
                .bind("platform", cohort.platform().name()).bind("tenant", cohort.tenant())
                .bind("channel", cohort.channelId()).bind("date", date.toString()).execute());
    }

    /** Records whether a person agrees to be named in digests; false when it already was so. */
    public boolean showMe(UserRef user, boolean show, Instant now) {
        if (showsMe(user) == show) {
            return false;
        }
        if (show) {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO digest_show_me (platform, tenant, user_id, since) VALUES (:platform, :tenant, :user, :at)
                            ON CONFLICT DO NOTHING
                            """)
                    .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                    .bind("at", now.toEpochMilli()).execute());
        } else {
            forgetShowMe(user);
        }
        return true;
    }

    public boolean showsMe(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM digest_show_me WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .mapTo(Integer.class).one()) > 0;
    }

    /** The user ids of a workspace or server who agreed to be named. */
    public Set<String> namedIn(Platform platform, String tenant) {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("""
                        SELECT user_id FROM digest_show_me WHERE platform = :platform AND tenant = :tenant
                        """)
                .bind("platform", platform.name()).bind("tenant", tenant).mapTo(String.class).list()));
    }

    /** The cohort channels whose digest a person set up, for their export. */
    public List<String> setUpBy(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT channel_id FROM cohort_digest WHERE platform = :platform AND tenant = :tenant AND created_by = :user
                        ORDER BY channel_id
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .mapTo(String.class).list());
    }

    /**
     * Forgets a person: their agreement to be named is deleted, and a digest they set up stays
     * for its channel without their name. Returns how many rows named them.
     */
    public int forget(UserRef user) {
        int deleted = forgetShowMe(user);
        int renamed = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE cohort_digest SET created_by = 'forgotten'
                        WHERE platform = :platform AND tenant = :tenant AND created_by = :user
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute());
        return deleted + renamed;
    }

    private int forgetShowMe(UserRef user) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM digest_show_me WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute());
    }

    /**
     * The scored answers given in a cohort channel from {@code from} (inclusive) to {@code to}
     * (exclusive): to its questions of the day, and in mock interviews held in it or its threads.
     */
    public List<Scored> scored(Place cohort, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.platform, a.tenant, a.user_id, a.question_id, a.score, a.answered_at
                          FROM daily_answer a JOIN daily_subscription s ON s.id = a.subscription_id
                         WHERE s.platform = :platform AND s.tenant = :tenant AND s.channel_id = :channel
                           AND a.answered_at >= :from AND a.answered_at < :to
                        UNION ALL
                        SELECT m.platform, m.tenant, m.user_id, x.question_id, x.score, x.answered_at
                          FROM mock_answer x JOIN mock_session m ON m.id = x.session_id
                         WHERE m.platform = :platform AND m.tenant = :tenant AND m.place_channel = :channel
                           AND m.place_kind <> 'DIRECT' AND x.outcome = 'ANSWERED' AND x.score IS NOT NULL
                           AND x.answered_at >= :from AND x.answered_at < :to
                        """)
                .bind("platform", cohort.platform().name()).bind("tenant", cohort.tenant())
                .bind("channel", cohort.channelId()).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map((rs, ctx) -> new Scored(new UserRef(Platform.valueOf(rs.getString("platform")), rs.getString("tenant"),
                        rs.getString("user_id")), rs.getString("question_id"), rs.getInt("score"),
                        Instant.ofEpochMilli(rs.getLong("answered_at"))))
                .list());
    }

    private static Digest digest(ResultSet rs) throws SQLException {
        Platform platform = Platform.valueOf(rs.getString("platform"));
        String tenant = rs.getString("tenant");
        return new Digest(Place.channel(platform, tenant, rs.getString("channel_id")),
                Place.channel(platform, tenant, rs.getString("target_id")),
                new PostTimes(LocalTime.parse(rs.getString("post_time")), ZoneId.of(rs.getString("zone")),
                        Set.of(DayOfWeek.valueOf(rs.getString("weekday")))),
                rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
