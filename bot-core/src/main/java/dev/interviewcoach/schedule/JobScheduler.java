package dev.interviewcoach.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.observe.CoachMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the features' scheduled jobs with db-scheduler on the coach's own database: each job is one
 * recurring task that any instance may pick up (the table coordinates them, so a job never runs on
 * two at once). Exactly-once effects do not rest on the scheduler: claims in the database decide
 * (a question of the day, a reminder). On SQLite it polls with fetch-and-lock-on-execute, since
 * SQLite has no row locks to skip.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final Scheduler scheduler;
    /** Jobs in places run on this instance's own timer, when instances split a platform's servers. */
    private final List<Scheduled.Job> ownRuns;
    private final ChatPorts ports;
    private final Clock clock;
    private final ScheduledExecutorService ownTimer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("coach-jobs-here").unstarted(r));

    public JobScheduler(DataSource dataSource, boolean sqlite, List<Scheduled.Job> jobs, ChatPorts ports, Clock clock,
                        String instanceName, CoachMetrics metrics) {
        this(dataSource, sqlite, jobs, ports, clock, instanceName, metrics, false);
    }

    /**
     * {@code splitPlaces}: instances split a platform's servers between them (Discord's shards), so the jobs
     * {@link Scheduled.Job#inPlaces in places} run on every instance, on a timer of its own, for the servers it
     * reaches; the scheduler's one run at a time would leave every other instance's servers waiting for a run of
     * their own. Their posts are claimed in the database, so two instances never make the same one.
     */
    public JobScheduler(DataSource dataSource, boolean sqlite, List<Scheduled.Job> jobs, ChatPorts ports, Clock clock,
                        String instanceName, CoachMetrics metrics, boolean splitPlaces) {
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("nothing to schedule");
        }
        this.ports = ports;
        this.clock = clock;
        this.ownRuns = jobs.stream().filter(job -> splitPlaces && job.inPlaces()).toList();
        // A job run here stays a task of the scheduler that does nothing, so its row in the table stays known to
        // every instance (an unknown task's row is reported as unresolved) and a later start without the split
        // takes it up as before.
        List<RecurringTask<Void>> tasks = jobs.stream().map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.every()))
                .execute((instance, context) -> {
                    if (ownRuns.contains(job)) {
                        return;
                    }
                    metrics.schedulerLag(Duration.between(context.getExecution().getExecutionTime(), Instant.now()));
                    job.work().run(clock.instant(), ports);
                })).toList();
        Duration shortest = jobs.stream().map(Scheduled.Job::every).min(Comparator.naturalOrder()).orElseThrow();
        var builder = Scheduler.create(dataSource).startTasks(tasks).threads(1)
                .pollingInterval(shortest.dividedBy(2).isZero() ? Duration.ofMillis(500) : shortest.dividedBy(2))
                // A job killed mid-run (kill -9) is taken over after a few missed heartbeats, so keep
                // them close to the quickest job's rhythm.
                .heartbeatInterval(clamp(shortest, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .alwaysPersistTimestampInUTC();
        if (sqlite) {
            builder.pollUsingFetchAndLockOnExecute(0.5, 1.0).jdbcCustomization(new SqliteDialect());
        }
        this.scheduler = builder.build();
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /** db-scheduler speaks ANSI {@code OFFSET ... FETCH FIRST}; SQLite wants {@code LIMIT}. */
    static final class SqliteDialect extends DefaultJdbcCustomization {
        SqliteDialect() {
            super(true);
        }

        @Override
        public String getName() {
            return "SQLite";
        }

        @Override
        public String getQueryLimitPart(int limit) {
            return " LIMIT " + limit;
        }
    }

    public void start() {
        scheduler.start();
        for (Scheduled.Job job : ownRuns) {
            ownTimer.scheduleWithFixedDelay(() -> runHere(job), 0, job.every().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runHere(Scheduled.Job job) {
        try {
            job.work().run(clock.instant(), ports);
        } catch (Throwable e) { // a timer's task that throws is never run again
            log.warn("scheduled job {} failed here; it runs again in {}: {}", job.name(), job.every(), e.toString());
        }
    }

    /** How long closing waits for a job running here to finish its run (a post under way, with its claim). */
    private static final Duration FINISH_RUN = Duration.ofSeconds(20);

    @Override
    public void close() {
        // Not interrupted: a post cut off after it went out would give its claim back, and be made again elsewhere.
        ownTimer.shutdown();
        try {
            if (!ownTimer.awaitTermination(FINISH_RUN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("a scheduled job still ran {} after the stop began; stopping it", FINISH_RUN);
                ownTimer.shutdownNow();
            }
        } catch (InterruptedException e) {
            ownTimer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler.stop();
    }
}
