package dev.interviewcoach.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Applies the events of one conversation one at a time within this process: the order on SQLite,
 * where one process serves. On PostgreSQL the engine leaves ordering to the database's advisory
 * lock, which every instance honours.
 *
 * <p>One lock per conversation while it has work, not a fixed set shared by hash: an interview
 * start that waits on Discord for its thread holds up its own conversation only, never another
 * person's answer that happened to hash alike.
 */
final class ConversationLocks {

    /** A conversation's lock and how many threads hold or wait for it; guarded by the map's lock on its key. */
    private static final class Held {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    <T> T inOrder(String conversationKey, Supplier<T> work) {
        Held mine = held.compute(conversationKey, (key, current) -> {
            Held h = current == null ? new Held() : current;
            h.users++;
            return h;
        });
        try {
            mine.lock.lock();
            try {
                return work.get();
            } finally {
                mine.lock.unlock();
            }
        } finally {
            held.computeIfPresent(conversationKey, (key, current) -> --current.users == 0 ? null : current);
        }
    }

    /** Conversations with work holding or waiting for their lock: for tests. */
    int busy() {
        return held.size();
    }
}
