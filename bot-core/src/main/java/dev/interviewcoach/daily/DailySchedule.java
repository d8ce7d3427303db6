package dev.interviewcoach.daily;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Drives the question of the day with db-scheduler on the coach's own database: one recurring
 * check that any instance may pick up (the table coordinates them), each run posting what is due.
 * Exactly-once does not rest on the scheduler: {@link DailyPostRepository#claim} decides.
 * On SQLite it polls with fetch-and-lock-on-execute, since SQLite has no row locks to skip.
 */
public final class DailySchedule implements AutoCloseable {

    static final String TASK = "daily-posts";

    private final Scheduler scheduler;

    public DailySchedule(DataSource dataSource, boolean sqlite, Duration every, Runnable postDue, String instanceName) {
        this(dataSource, sqlite, every, postDue, instanceName, dev.interviewcoach.observe.CoachMetrics.none());
    }

    public DailySchedule(DataSource dataSource, boolean sqlite, Duration every, Runnable postDue, String instanceName,
                         dev.interviewcoach.observe.CoachMetrics metrics) {
        RecurringTask<Void> check = Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> {
            metrics.schedulerLag(Duration.between(context.getExecution().getExecutionTime(), java.time.Instant.now()));
            postDue.run();
        });
        var builder = Scheduler.create(dataSource).startTasks(check).threads(1)
                .pollingInterval(every.dividedBy(2).isZero() ? Duration.ofMillis(500) : every.dividedBy(2))
                // A check killed mid-run (kill -9) is taken over after a few missed heartbeats, so
                // keep them close to the check's own rhythm.
                .heartbeatInterval(clamp(every, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(instanceName))
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
    static final class SqliteDialect extends com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization {
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
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
