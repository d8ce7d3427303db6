package dev.interviewcoach.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Short writes that many threads make at once (the sending threads marking their replies sent), committed together: a thread queues its write and waits for the one writer, holding no connection
 * meanwhile; whoever writes next takes every write queued by then into one transaction. Each caller's write is
 * committed when its call returns, as if it had committed it alone.
 *
 * <p>On SQLite each such write took the process's one write turn, holding a pooled connection while it queued for
 * it; under load a dozen or more queued so, and the connections they held were what other work waited for. Should a
 * group fail, each of its writes is tried again on its own, so one bad write fails only its own caller. A caller
 * waits for the group ahead of it as well as its own: for writes whose latency a person feels (an acknowledgement)
 * that measured worse than queueing for the write turn alone.
 *
 * @param <T> what one caller asks to have written
 * @param <R> what writing it tells that caller
 */
final class GroupCommit<T, R> {

    private final Jdbi jdbi;
    private final Function<T, R> write;
    private final ConcurrentLinkedQueue<Request<T, R>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    /** {@code write}: writes one request through {@code jdbi}, joining the transaction open on this thread. */
    GroupCommit(Jdbi jdbi, Function<T, R> write) {
        this.jdbi = jdbi;
        this.write = write;
    }

    /** Writes {@code what} with whatever else is queued; returns when it is committed. Inside a unit, joins it. */
    R commit(T what) {
        if (jdbi.getConfig(UnitOfWork.class).active()) {
            return write.apply(what); // committed with the unit on this thread
        }
        Request<T, R> mine = new Request<>(what);
        queued.add(mine);
        writer.lock();
        try {
            if (!mine.done) {
                writeQueued();
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Under {@link #writer}: every request queued so far, in one transaction, else each on its own. */
    private void writeQueued() {
        List<Request<T, R>> group = new ArrayList<>();
        for (Request<T, R> request; (request = queued.poll()) != null; ) {
            group.add(request);
        }
        List<R> results = new ArrayList<>(group.size());
        try {
            UnitOfWork.run(jdbi, () -> {
                group.forEach(request -> results.add(write.apply(request.what)));
                return null;
            });
            for (int i = 0; i < group.size(); i++) {
                group.get(i).finish(results.get(i), null);
            }
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.getFirst().finish(null, groupFailed);
                return;
            }
            for (Request<T, R> request : group) {
                try {
                    request.finish(UnitOfWork.run(jdbi, () -> write.apply(request.what)), null);
                } catch (RuntimeException failed) {
                    request.finish(null, failed);
                }
            }
        }
    }

    /** One caller's write and its outcome, set under {@link #writer} before the caller reads them. */
    private static final class Request<T, R> {
        final T what;
        boolean done;
        R result;
        RuntimeException failure;

        Request(T what) {
            this.what = what;
        }

        void finish(R result, RuntimeException failure) {
            this.result = result;
            this.failure = failure;
            this.done = true;
        }
    }
}
