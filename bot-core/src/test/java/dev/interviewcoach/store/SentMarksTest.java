package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies marked sent by many sending threads at once are written together (a group commit), and each sender's marks
 * are committed by the time its call returns, as when each wrote its own.
 */
class SentMarksTest {

    @TempDir
    Path dir;

    @Test
    void everySendersMarkIsCommittedWhenItsCallReturns() throws Exception {
        int senders = 48;
        try (Database db = Database.sqlite(dir.resolve("coach.db"));
             ExecutorService threads = Executors.newFixedThreadPool(senders)) {
            db.migrate();
            Outbox outbox = new Inbox(db.jdbi(), Clock.systemUTC()).outbox();
            List<Long> rows = new ArrayList<>();
            for (int i = 0; i < senders * 2; i++) {
                rows.add(outbox.add("lane-" + i, Platform.SLACK, "E" + i, InboxTest.ANA, Outbox.Op.POST, "{}"));
            }
            CyclicBarrier together = new CyclicBarrier(senders);
            List<CompletableFuture<Boolean>> seen = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                long one = rows.get(2 * s);
                long two = rows.get(2 * s + 1);
                boolean alone = s % 2 == 0;
                int laneOne = 2 * s;
                seen.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (alone) {
                        outbox.sent(one, "ts-" + one);
                        outbox.sent(two, null); // a platform that gives no id
                    } else {
                        outbox.sentAll(Map.of(one, "ts-" + one, two, "ts-" + two));
                    }
                    // Read back at once, on this thread's own connection: nothing of it is left for later.
                    return outbox.deliveredId(one).equals(Optional.of("ts-" + one))
                            && outbox.head("lane-" + laneOne).isEmpty() && outbox.head("lane-" + (laneOne + 1)).isEmpty();
                }, threads));
            }
            for (CompletableFuture<Boolean> f : seen) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isTrue();
            }
            for (long row : rows) {
                assertThat(outbox.head("lane-" + (rows.indexOf(row)))).as("row " + row + " marked sent").isEmpty();
            }
        }
    }

    @Test
    void insideAUnitOfWorkAMarkIsPartOfIt() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.systemUTC());
            Outbox outbox = inbox.outbox();
            long row = outbox.add("lane", Platform.SLACK, "E1", InboxTest.ANA, Outbox.Op.POST, "{}");
            try {
                inbox.inTransaction(() -> {
                    outbox.sent(row, "ts-1");
                    throw new IllegalStateException("the unit fails");
                });
            } catch (IllegalStateException expected) {
                // the mark goes with it
            }
            assertThat(outbox.head("lane")).as("still waiting to be sent").isPresent();
        }
    }
}
