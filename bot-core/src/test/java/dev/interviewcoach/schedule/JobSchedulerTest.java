package dev.interviewcoach.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    @Test
    void whereInstancesSplitTheServersEachRunsThePostingJobsForItsOwnAndTheRestStayShared() throws Exception {
        try (Database one = Database.sqlite(dir.resolve("coach.db")); Database two = Database.sqlite(dir.resolve("coach.db"))) {
            one.migrate();
            Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
            AtomicInteger purges = new AtomicInteger();
            AtomicInteger purging = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            java.util.function.Function<String, List<Scheduled.Job>> jobsOf = instance -> List.of(
                    Scheduled.Job.inPlaces("daily-posts", Duration.ofMillis(200),
                            (now, ports) -> posts.computeIfAbsent(instance, i -> new AtomicInteger()).incrementAndGet()),
                    new Scheduled.Job("purge", Duration.ofMillis(200), (now, ports) -> {
                        if (purging.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        purges.incrementAndGet();
                        purging.decrementAndGet();
                    }));
            try (JobScheduler a = new JobScheduler(one.dataSource(), true, jobsOf.apply("a"), ChatPorts.none(),
                    Clock.systemUTC(), "a", CoachMetrics.none(), true);
                 JobScheduler b = new JobScheduler(two.dataSource(), true, jobsOf.apply("b"), ChatPorts.none(),
                         Clock.systemUTC(), "b", CoachMetrics.none(), true)) {
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> posts.containsKey("a") && posts.containsKey("b")
                        && posts.get("a").get() >= 5 && posts.get("b").get() >= 5 && purges.get() >= 3);
            }
            assertThat(overlaps.get()).as("a job on the database alone: still one run at a time").isZero();
        }
    }
}
