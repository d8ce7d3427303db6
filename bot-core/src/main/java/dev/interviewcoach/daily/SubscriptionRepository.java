package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Stores subscriptions (table from V3__daily_subscriptions.sql); one per channel. */
public final class SubscriptionRepository {

    private final Jdbi jdbi;
    /** What {@link #all()} loaded last, with the version it was loaded at (V19's triggers move it). */
    private volatile Loaded loaded = new Loaded(-1, List.of());

    private record Loaded(long version, List<Subscription> subscriptions) {
    }

    public SubscriptionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates the channel's subscription, or replaces its settings when it has one. */
    public Subscription save(Subscription s) {
        return jdbi.inTransaction(h -> {
            Optional<Subscription> existing = find(s.channel());
            String id = existing.map(Subscription::id).orElse(s.id());
            h.createUpdate("DELETE FROM daily_subscription WHERE id = :id").bind("id", id).execute();
            h.createUpdate("""
                            INSERT INTO daily_subscription (id, platform, tenant, channel_id, track, post_time, zone, days,
                                created_by, created_at, answer_mode, leaderboard, topic, max_difficulty)
                            VALUES (:id, :platform, :tenant, :channel, :track, :time, :zone, :days, :by, :at, :mode,
                                :leaderboard, :topic, :difficulty)
                            """)
                    .bind("id", id)
                    .bind("platform", s.channel().platform().name())
                    .bind("tenant", s.channel().tenant())
                    .bind("channel", s.channel().channelId())
                    .bind("track", s.track())
                    .bind("time", s.times().at().toString())
                    .bind("zone", s.times().zone().getId())
                    .bind("days", s.times().days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")))
                    .bind("by", s.createdBy())
                    .bind("at", s.createdAt().toEpochMilli())
                    .bind("mode", s.mode().name())
                    .bind("leaderboard", s.leaderboard() ? 1 : 0)
                    .bind("topic", s.topic())
                    .bind("difficulty", s.maxDifficulty())
                    .execute();
            return new Subscription(id, s.channel(), s.track(), s.times(), s.createdBy(), s.createdAt(), s.mode(),
                    s.leaderboard(), s.topic(), s.maxDifficulty());
        });
    }

    public Optional<Subscription> find(Place channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM daily_subscription WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                        """)
                .bind("platform", channel.platform().name())
                .bind("tenant", channel.tenant())
                .bind("channel", channel.channelId())
                .map(SubscriptionRepository::subscription).findOne());
    }

    /** Removes the channel's subscription; false when it had none. */
    public boolean delete(Place channel) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM daily_subscription WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                        """)
                .bind("platform", channel.platform().name())
                .bind("tenant", channel.tenant())
                .bind("channel", channel.channelId())
                .execute()) > 0;
    }

    public Optional<Subscription> byId(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM daily_subscription WHERE id = :id")
                .bind("id", id).map(SubscriptionRepository::subscription).findOne());
    }

    /** Replaces whoever is named as a subscription's creator, for a person who asked to be forgotten. */
    public int forgetCreator(String platform, String tenant, String userId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE daily_subscription SET created_by = 'forgotten'
                        WHERE platform = :platform AND tenant = :tenant AND created_by = :user
                        """)
                .bind("platform", platform).bind("tenant", tenant).bind("user", userId).execute());
    }

    /**
     * Every subscription of a workspace that has not removed the coach: what the scheduler posts for.
     * Loaded again only when the subscriptions' version moved (on any instance), so a check costs
     * one small read while nothing changed.
     */
    public List<Subscription> all() {
        return jdbi.withHandle(h -> {
            // The version is read first: a change committed between the two reads is then loaded
            // under the older number, and the next call loads it again; never the other way round.
            long version = h.createQuery("SELECT version FROM daily_subscription_version WHERE id = 1")
                    .mapTo(Long.class).one();
            Loaded last = loaded;
            if (last.version() == version) {
                return last.subscriptions();
            }
            List<Subscription> all = List.copyOf(h.createQuery("""
                            SELECT * FROM daily_subscription s
                             WHERE NOT EXISTS (SELECT 1 FROM tenant_removed r WHERE r.platform = s.platform AND r.tenant = s.tenant)
                             ORDER BY created_at
                            """)
                    .map(SubscriptionRepository::subscription).list());
            loaded = new Loaded(version, all);
            return all;
        });
    }

    private static Subscription subscription(ResultSet rs, StatementContext ctx) throws SQLException {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(rs.getString("days").split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        return new Subscription(rs.getString("id"),
                Place.channel(Platform.valueOf(rs.getString("platform")), rs.getString("tenant"), rs.getString("channel_id")),
                rs.getString("track"),
                new PostTimes(LocalTime.parse(rs.getString("post_time")), ZoneId.of(rs.getString("zone")), days),
                rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Subscription.AnswerMode.valueOf(rs.getString("answer_mode")), rs.getInt("leaderboard") == 1,
                rs.getString("topic"), nullableInt(rs, "max_difficulty"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
