package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feature with work to do on a schedule (posting questions of the day, streak reminders). The
 * scheduler runs each job about every {@link Job#every()}, on one instance at a time; a job must
 * still be safe to run twice or early, as claims in the database make each effect happen once.
 */
public interface Scheduled extends Feature {

    /** What it runs, and how often. */
    List<Job> jobs();

    /** One recurring job: a name unique in the coach (the scheduler's task name), its period and its work. */
    record Job(String name, Duration every, Work work) {
        public Job {
            Objects.requireNonNull(name);
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("the job " + name + " must run at a positive period, not " + every);
            }
            Objects.requireNonNull(work);
        }
    }

    /** The work of one run, at {@code now}, able to post on every platform. */
    @FunctionalInterface
    interface Work {
        void run(Instant now, ChatPorts ports);
    }
}
