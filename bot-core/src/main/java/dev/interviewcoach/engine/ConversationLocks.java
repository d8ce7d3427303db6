package dev.interviewcoach.engine;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Applies the events of one conversation one at a time within this process (striped locks by
 * conversation key): the order on SQLite, where one process serves. On PostgreSQL the engine
 * leaves ordering to the database's advisory lock, which every instance honours.
 */
final class ConversationLocks {

    private final ReentrantLock[] stripes;

    ConversationLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    <T> T inOrder(String conversationKey, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(ConversationExecutor.spread(conversationKey), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
