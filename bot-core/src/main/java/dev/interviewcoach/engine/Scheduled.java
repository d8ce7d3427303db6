package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feature with work to do on a schedule (posting questions of the day, streak reminders). The
 * scheduler runs each job about every {@link Job#every()}, on one instance at a time (a job in places on every
 * instance, where instances split a platform's servers: see {@link Job}); a job must
 * still be safe to run twice or early, as claims in the database make each effect happen once.
 */
public interface Scheduled extends Feature {

    /** What it runs, and how often. */
    List<Job> jobs();

    /**
     * One recurring job: a name unique in the coach (the scheduler's task name), its period and its work. A job
     * {@code inPlaces} posts in workspaces and servers, each effect claimed in the database: where instances split a
     * platform's servers between them (Discord's shards), every instance runs it for those it reaches, since a run
     * on one instance leaves the others' servers alone.
     */
    record Job(String name, Duration every, Work work, boolean inPlaces) {
        public Job {
            Objects.requireNonNull(name);
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("the job " + name + " must run at a positive period, not " + every);
            }
            Objects.requireNonNull(work);
        }

        /** A job that works on the database alone: one instance runs it at a time. */
        public Job(String name, Duration every, Work work) {
            this(name, every, work, false);
        }

        /** A job that posts in places, each post claimed (see {@link Job}). */
        public static Job inPlaces(String name, Duration every, Work work) {
            return new Job(name, every, work, true);
        }
    }

    /** The work of one run, at {@code now}, able to post on every platform. */
    @FunctionalInterface
    interface Work {
        void run(Instant now, ChatPorts ports);
    }
}
