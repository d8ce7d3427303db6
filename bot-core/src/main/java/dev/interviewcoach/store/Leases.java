package dev.interviewcoach.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Named leases in the database (table from V16__leases.sql): one owner at a time, held by renewing
 * before the lease expires. An instance that dies stops renewing, so another one takes the lease
 * once it has expired; nothing needs to notice the death.
 */
public final class Leases {

    private final Jdbi jdbi;
    private final Clock clock;

    public Leases(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease for {@code ttl}: true when {@code owner} holds it now (it was free,
     * expired, or already theirs), false when someone else holds it.
     */
    public boolean claim(String name, String owner, Duration ttl) {
        long now = clock.millis();
        long until = now + ttl.toMillis();
        int updated = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE coach_lease SET owner = :owner, expires_at = :until
                         WHERE name = :name AND (owner = :owner OR expires_at < :now)
                        """)
                .bind("owner", owner).bind("until", until).bind("name", name).bind("now", now).execute());
        if (updated == 1) {
            return true;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO coach_lease (name, owner, expires_at) VALUES (:name, :owner, :until)")
                    .bind("name", name).bind("owner", owner).bind("until", until).execute());
            return true;
        } catch (RuntimeException heldOrRaced) {
            return false; // the row exists: someone holds it, or took it between the two statements
        }
    }

    /** Gives the lease up at once (a clean stop), if {@code owner} holds it. */
    public void release(String name, String owner) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM coach_lease WHERE name = :name AND owner = :owner")
                .bind("name", name).bind("owner", owner).execute());
    }

    /** The names of the leases {@code owner} holds and has not let expire, starting with {@code prefix}. */
    public List<String> heldBy(String owner, String prefix) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT name FROM coach_lease WHERE owner = :owner AND expires_at >= :now AND name LIKE :prefix
                        ORDER BY name
                        """)
                .bind("owner", owner).bind("now", clock.millis()).bind("prefix", prefix + "%").mapTo(String.class).list());
    }
}
