package dev.interviewcoach.bench;

import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.PlaceQueues;
import dev.interviewcoach.store.Database;
import java.util.function.IntSupplier;

/**
 * How the coach under load runs its events: each conversation on a queue of its own, {@code lanes} of them running
 * engine work at once and any number waiting on the platform (as {@code coach run} has it), or, with {@code hashed},
 * on {@code lanes} threads chosen by a hash of the conversation (as before: an event waits behind whatever its lane
 * runs, an interview start waiting on Discord included).
 */
record EventLanes(int lanes, boolean hashed) {

    /** The lanes for one instance of the coach, with what they hold and how they stop. */
    record Opened(CoachEngine.Lanes lanes, IntSupplier pending, AutoCloseable closer) {
        void close() {
            try {
                closer.close();
            } catch (Exception e) {
                throw new IllegalStateException("the event lanes did not stop cleanly", e);
            }
        }
    }

    /** {@code db}: the coach's database, which lets go of an event's connection while it waits on a platform. */
    Opened open(int queuePerLane, Database db) {
        if (hashed) {
            ConversationExecutor executor = new ConversationExecutor(lanes, queuePerLane);
            return new Opened(executor, executor::pending, executor);
        }
        PlaceQueues queues = PlaceQueues.forEvents(lanes, PlaceQueues.EVENT_THREADS, db::letGoWhileWaiting);
        return new Opened(queues, queues::pending, queues);
    }

    String describe() {
        return hashed ? lanes + " engine lanes chosen by hash" : "events on their conversations' queues, " + lanes
                + " running engine work at once";
    }
}
