package dev.interviewcoach.progress;

import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What each person chose about the bot (table coach_person, V7): mute, reminders, time zone. */
public final class PersonRepository {

    /** A person's choices; {@code zone} is where their days are counted, when known. */
    public record Person(UserRef user, boolean muted, boolean remind, Optional<ZoneId> zone, Optional<LocalDate> remindedOn) {

        static Person fresh(UserRef user) {
            return new Person(user, false, false, Optional.empty(), Optional.empty());
        }
    }

    private final Jdbi jdbi;

    public PersonRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Person get(UserRef user) {
        return find(user).orElseGet(() -> Person.fresh(user));
    }

    public Optional<Person> find(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM coach_person WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .map((rs, ctx) -> person(rs)).findOne());
    }

    /**
     * Whether the person muted the coach: where person ids span tenants (Discord), muted in any server
     * or in DMs is muted everywhere, since every unasked message reaches the same person.
     */
    public boolean muted(UserRef user) {
        if (!user.platform().personIdsSpanTenants()) {
            return get(user).muted();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM coach_person"
                        + " WHERE platform = :platform AND user_id = :user AND muted = 1")
                .bind("platform", user.platform().name()).bind("user", user.userId()).mapTo(Integer.class).one()) > 0;
    }

    /**
     * The zone the person's days are counted in: the one they set here, else, where person ids span
     * tenants (Discord), one they set in another server or in DMs (the first by tenant, so every
     * place reads the same one).
     */
    public Optional<ZoneId> zone(UserRef user) {
        Optional<ZoneId> here = get(user).zone();
        if (here.isPresent() || !user.platform().personIdsSpanTenants()) {
            return here;
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT zone FROM coach_person"
                        + " WHERE platform = :platform AND user_id = :user AND zone IS NOT NULL ORDER BY tenant")
                .bind("platform", user.platform().name()).bind("user", user.userId()).mapTo(String.class).findFirst())
                .map(ZoneId::of);
    }

    /**
     * Sets the zone the person chose under every tenant where the coach keeps their settings (Discord), so every
     * server and the DMs count their days alike; a place with no settings yet reads it from the others.
     */
    public void setZoneEverywhere(UserRef user, ZoneId zone) {
        if (!user.platform().personIdsSpanTenants()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE coach_person SET zone = :zone WHERE platform = :platform AND user_id = :user")
                .bind("zone", zone.getId()).bind("platform", user.platform().name()).bind("user", user.userId())
                .execute());
    }

    /** Mutes or unmutes the person under every tenant where the coach keeps their settings (Discord). */
    public void setMutedEverywhere(UserRef user, boolean muted) {
        if (!user.platform().personIdsSpanTenants()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE coach_person SET muted = :muted WHERE platform = :platform AND user_id = :user")
                .bind("muted", muted ? 1 : 0).bind("platform", user.platform().name()).bind("user", user.userId())
                .execute());
    }

    /** People who asked for streak reminders and have not muted the bot. */
    public List<Person> wantingReminders() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM coach_person p WHERE remind = 1 AND muted = 0"
                        + " AND NOT EXISTS (SELECT 1 FROM tenant_removed r WHERE r.platform = p.platform AND r.tenant = p.tenant)")
                .map((rs, ctx) -> person(rs)).list());
    }

    public void save(Person p) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM coach_person WHERE platform = :platform AND tenant = :tenant AND user_id = :user")
                    .bind("platform", p.user().platform().name()).bind("tenant", p.user().tenant())
                    .bind("user", p.user().userId()).execute();
            h.createUpdate("""
                            INSERT INTO coach_person (platform, tenant, user_id, muted, remind, zone, reminded_on)
                            VALUES (:platform, :tenant, :user, :muted, :remind, :zone, :reminded)
                            """)
                    .bind("platform", p.user().platform().name()).bind("tenant", p.user().tenant())
                    .bind("user", p.user().userId()).bind("muted", p.muted() ? 1 : 0).bind("remind", p.remind() ? 1 : 0)
                    .bind("zone", p.zone().map(ZoneId::getId).orElse(null))
                    .bind("reminded", p.remindedOn().map(LocalDate::toString).orElse(null))
                    .execute();
        });
    }

    /** Claims today's reminder for a person: true for exactly one caller per local date, across instances. */
    public boolean claimReminder(UserRef user, LocalDate today) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE coach_person SET reminded_on = :today
                        WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                          AND (reminded_on IS NULL OR reminded_on <> :today)
                        """)
                .bind("today", today.toString()).bind("platform", user.platform().name()).bind("tenant", user.tenant())
                .bind("user", user.userId()).execute()) == 1;
    }

    public int delete(UserRef user) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM coach_person WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute());
    }

    private static Person person(ResultSet rs) throws SQLException {
        String zone = rs.getString("zone");
        String reminded = rs.getString("reminded_on");
        return new Person(new UserRef(Platform.valueOf(rs.getString("platform")), rs.getString("tenant"),
                rs.getString("user_id")), rs.getInt("muted") == 1, rs.getInt("remind") == 1,
                zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone)),
                reminded == null ? Optional.empty() : Optional.of(LocalDate.parse(reminded)));
    }
}
