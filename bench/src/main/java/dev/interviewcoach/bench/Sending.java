package dev.interviewcoach.bench;

import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.PlaceQueues;
import java.util.function.IntSupplier;

/**
 * How the coach under load sends its replies: {@code threads} threads, each place's replies in turn on any free one
 * (as {@code coach run} has it), or, with {@code hashed}, on one lane per place chosen by hash (as before the
 * place queues: places that share a lane wait for each other); 0 threads leaves them to the event's own lane.
 */
record Sending(int threads, boolean hashed) {

    /** As {@code coach run} sends, with its default number of threads. */
    static final Sending DEFAULT = new Sending(32, false);

    /** The senders for one instance of the coach, with what they hold and how they stop. */
    record Senders(CoachEngine.Lanes lanes, IntSupplier pending, AutoCloseable closer) {
        void close() {
            try {
                closer.close();
            } catch (Exception e) {
                throw new IllegalStateException("the senders did not stop cleanly", e);
            }
        }
    }

    Senders open(int queuePerLane) {
        if (threads == 0) {
            return new Senders(CoachEngine.Lanes.callerRuns(), () -> 0, () -> { });
        }
        if (hashed) {
            ConversationExecutor lanes = new ConversationExecutor("coach-send", threads, queuePerLane);
            return new Senders(lanes::submit, lanes::pending, lanes);
        }
        PlaceQueues places = new PlaceQueues("coach-send", threads, threads * queuePerLane);
        return new Senders(places::submit, places::pending, places);
    }

    String describe() {
        return threads == 0 ? "each event's lane sends its replies"
                : threads + (hashed ? " delivery lanes chosen by hash" : " sending threads shared by places");
    }
}
