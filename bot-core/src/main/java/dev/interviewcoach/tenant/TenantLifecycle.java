package dev.interviewcoach.tenant;

import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a workspace (a tenant) removes the coach: it is marked removed at once, so the
 * scheduler stops posting there (the due-work queries skip removed tenants); once {@code grace}
 * has passed without a new install, a scheduled job deletes everything its people left.
 */
public final class TenantLifecycle implements Scheduled {

    private static final Logger log = LoggerFactory.getLogger(TenantLifecycle.class);

    /** Tables whose rows carry their tenant; children of sessions and subscriptions are deleted with them. */
    private static final List<String> TENANT_TABLES = List.of("daily_answer", "daily_dm", "coach_person", "review_card",
            "cohort_digest", "cohort_digest_sent", "digest_show_me", "pair_schedule", "pair_member", "pair_round",
            "peer_pairing", "peer_turn", "outbox_reply");

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration grace;
    private final Duration every;

    /** Removals kept for {@code grace} before the data goes; the purge looks every {@code every}. */
    public TenantLifecycle(Jdbi jdbi, Clock clock, Duration grace, Duration every) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.grace = Objects.requireNonNull(grace);
        this.every = every;
    }

    /** Marks a tenant removed (uninstalled, tokens revoked) at {@code at}; a second removal keeps the first time. */
    public void removed(Platform platform, String tenant, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO tenant_removed (platform, tenant, removed_at) VALUES (:platform, :tenant, :at)
                        ON CONFLICT (platform, tenant) DO NOTHING
                        """)
                .bind("platform", platform.name()).bind("tenant", tenant).bind("at", at.toEpochMilli()).execute());
        log.info("{} workspace {} removed the coach: its schedules stop; its data is deleted after {} days unless it"
                + " installs the coach again", platform, tenant, grace.toDays());
    }

    /** A tenant installed the coach (again): nothing of it is deleted, and its schedules resume. */
    public void restored(Platform platform, String tenant) {
        int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM tenant_removed WHERE platform = :platform AND tenant = :tenant")
                .bind("platform", platform.name()).bind("tenant", tenant).execute());
        if (n > 0) {
            log.info("{} workspace {} installed the coach again: its data is kept and its schedules resume", platform, tenant);
        }
    }

    /** Whether the tenant removed the coach and has not installed it again. */
    public boolean isRemoved(Platform platform, String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenant_removed WHERE platform = :platform AND tenant = :tenant")
                .bind("platform", platform.name()).bind("tenant", tenant).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public List<Job> jobs() {
        return List.of(new Job("removed-workspace-purge", every, (now, ports) -> purgeDue(now)));
    }

    /** Deletes the data of every tenant removed longer than the grace period ago; returns how many tenants. */
    public int purgeDue(Instant now) {
        long before = now.minus(grace).toEpochMilli();
        List<String[]> due = jdbi.withHandle(h -> h.createQuery(
                        "SELECT platform, tenant FROM tenant_removed WHERE removed_at <= :before")
                .bind("before", before)
                .map((rs, ctx) -> new String[] {rs.getString("platform"), rs.getString("tenant")}).list());
        for (String[] t : due) {
            jdbi.useTransaction(h -> purge(h, t[0], t[1], before));
            log.info("deleted the data of {} workspace {}, removed more than {} days ago", t[0], t[1], grace.toDays());
        }
        if (!due.isEmpty()) {
            Database.purgeDeleted(jdbi);
        }
        return due.size();
    }

    private static void purge(Handle h, String platform, String tenant, long before) {
        // Re-checked inside the transaction: a reinstall in between keeps everything.
        int still = h.createUpdate("DELETE FROM tenant_removed WHERE platform = :p AND tenant = :t AND removed_at <= :before")
                .bind("p", platform).bind("t", tenant).bind("before", before).execute();
        if (still == 0) {
            return;
        }
        String sessions = "SELECT id FROM mock_session WHERE platform = :p AND tenant = :t";
        String subs = "SELECT id FROM daily_subscription WHERE platform = :p AND tenant = :t";
        for (String sql : List.of(
                "DELETE FROM mock_follow_up WHERE session_id IN (" + sessions + ")",
                "DELETE FROM mock_answer WHERE session_id IN (" + sessions + ")",
                "DELETE FROM mock_session WHERE platform = :p AND tenant = :t",
                "DELETE FROM daily_answer WHERE subscription_id IN (" + subs + ")",
                "DELETE FROM daily_dm WHERE subscription_id IN (" + subs + ")",
                "DELETE FROM daily_post WHERE subscription_id IN (" + subs + ")",
                "DELETE FROM daily_schedule_rule WHERE subscription_id IN (" + subs + ")",
                "DELETE FROM daily_next_question WHERE subscription_id IN (" + subs + ")",
                "DELETE FROM daily_subscription WHERE platform = :p AND tenant = :t")) {
            h.createUpdate(sql).bind("p", platform).bind("t", tenant).execute();
        }
        for (String table : TENANT_TABLES) {
            h.createUpdate("DELETE FROM " + table + " WHERE platform = :p AND tenant = :t")
                    .bind("p", platform).bind("t", tenant).execute();
        }
    }

}
