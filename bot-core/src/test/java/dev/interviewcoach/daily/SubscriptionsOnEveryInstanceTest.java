package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.tenant.TenantLifecycle;
import dev.interviewcoach.testkit.SharedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scheduler keeps the subscriptions it loaded and loads them again only when they changed: a
 * change made by another instance (another repository on the same database), by a workspace
 * leaving or coming back, or by any statement at all, is seen at the next check.
 */
class SubscriptionsOnEveryInstanceTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("SQLite"), Arguments.of("PostgreSQL"));
    }

    private static Database open(String kind) throws Exception {
        Database db = kind.equals("SQLite") ? Database.sqlite(dir.resolve("subs-" + System.nanoTime() + ".db"))
                : Database.open(SharedPostgres.newDatabase(), "postgres", "postgres");
        db.migrate();
        return db;
    }

    private static Subscription subscription(String id, String channel, LocalTime at) {
        return new Subscription(id, Place.channel(Platform.SLACK, "T1", channel), "tiny",
                new PostTimes(at, ZoneId.of("Europe/Berlin"), EnumSet.allOf(DayOfWeek.class)), "U1",
                Instant.parse("2026-12-03T09:00:00Z"));
    }

    private static List<String> channelsAndTimes(List<Subscription> all) {
        return all.stream().map(s -> s.channel().channelId() + "@" + s.times().at()).toList();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void whatAnotherInstanceChangesIsSeenAtTheNextCheckAndNothingIsLoadedWhileNothingChanged(String kind)
            throws Exception {
        try (Database db = open(kind)) {
            SubscriptionRepository scheduler = new SubscriptionRepository(db.jdbi());
            SubscriptionRepository other = new SubscriptionRepository(db.jdbi());
            TenantLifecycle tenants = new TenantLifecycle(db.jdbi(), Clock.systemUTC(), Duration.ofDays(30),
                    Duration.ofHours(1));
            assertThat(scheduler.all()).isEmpty();

            other.save(subscription("s1", "C1", LocalTime.of(9, 0)));
            other.save(subscription("s2", "C2", LocalTime.of(10, 0)));
            assertThat(channelsAndTimes(scheduler.all())).containsExactly("C1@09:00", "C2@10:00");
            assertThat(scheduler.all()).as("kept while nothing changed").isSameAs(scheduler.all());

            other.save(subscription("ignored", "C1", LocalTime.of(11, 30)));
            assertThat(channelsAndTimes(scheduler.all())).containsExactlyInAnyOrder("C1@11:30", "C2@10:00");

            tenants.removed(Platform.SLACK, "T1", Instant.now());
            assertThat(scheduler.all()).as("a workspace that removed the coach").isEmpty();
            tenants.restored(Platform.SLACK, "T1");
            assertThat(scheduler.all()).hasSize(2);

            other.delete(Place.channel(Platform.SLACK, "T1", "C2"));
            assertThat(channelsAndTimes(scheduler.all())).containsExactly("C1@11:30");

            db.jdbi().useHandle(h -> h.createUpdate("UPDATE daily_subscription SET post_time = '07:15'").execute());
            assertThat(channelsAndTimes(scheduler.all())).as("any writer at all").containsExactly("C1@07:15");

            tenants.restored(Platform.SLACK, "T-never-removed");
            List<Subscription> before = scheduler.all();
            assertThat(scheduler.all()).as("a statement that changed nothing loads nothing").isSameAs(before);
        }
    }
}
