package dev.interviewcoach.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.store.Database;
import java.time.Clock;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db-scheduler on our SQLite file: a recurring job runs, shared by two instances, never both at once. */
class JobSchedulerTest {

    @TempDir
    Path dir;

    @Test
    void twoInstancesShareTheRecurringCheckAndNeverRunItTogether() throws Exception {
        try (Database one = Database.sqlite(dir.resolve("coach.db")); Database two = Database.sqlite(dir.resolve("coach.db"))) {
            assertThat(one.migrate()).isPositive();
            AtomicInteger runs = new AtomicInteger();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            Runnable check = () -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                runs.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            };
            List<Scheduled.Job> jobs = List.of(new Scheduled.Job("check", Duration.ofMillis(300), (now, ports) -> check.run()));
            try (JobScheduler a = new JobScheduler(one.dataSource(), true, jobs, ChatPorts.none(), Clock.systemUTC(), "a",
                    CoachMetrics.none());
                 JobScheduler b = new JobScheduler(two.dataSource(), true, jobs, ChatPorts.none(), Clock.systemUTC(), "b",
                         CoachMetrics.none())) {
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> runs.get() >= 4);
            }
            assertThat(runs.get()).as("the check keeps running").isGreaterThanOrEqualTo(4);
            assertThat(overlaps.get()).as("never two at once").isZero();
        }
    }
}
