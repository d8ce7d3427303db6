package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes committed together for many threads: each is committed when its call returns, and one bad write fails alone. */
class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void aBadWriteAmongManyFailsOnlyItsOwnCallerAndEveryOtherIsCommittedOnReturn() throws Exception {
        int writers = 40;
        try (Database db = Database.sqlite(dir.resolve("coach.db"));
             ExecutorService threads = Executors.newFixedThreadPool(writers)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE said (n INTEGER NOT NULL CHECK (n <> 13))"));
            GroupCommit<Integer, Integer> commits = new GroupCommit<>(db.jdbi(), n -> db.jdbi().withHandle(h ->
                    h.createUpdate("INSERT INTO said (n) VALUES (:n)").bind("n", n).execute()));
            CyclicBarrier together = new CyclicBarrier(writers);
            List<CompletableFuture<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    assertThat(commits.commit(n)).isOne();
                    // committed on return: seen on this thread's own connection
                    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM said WHERE n = :n")
                            .bind("n", n).mapTo(Integer.class).one()) == 1;
                }, threads));
            }
            for (int i = 0; i < writers; i++) {
                if (i == 13) {
                    CompletableFuture<Boolean> bad = calls.get(i);
                    assertThat(bad).failsWithin(20, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                            .withMessageContaining("INSERT INTO said");
                } else {
                    assertThat(calls.get(i).get(20, TimeUnit.SECONDS)).as("write " + i).isTrue();
                }
            }
            assertThat(count(db)).isEqualTo(writers - 1);
        }
    }

    @Test
    void insideAUnitOfWorkAWriteJoinsIt() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE said (n INTEGER NOT NULL)"));
            GroupCommit<Integer, Integer> commits = new GroupCommit<>(db.jdbi(), n -> db.jdbi().withHandle(h ->
                    h.createUpdate("INSERT INTO said (n) VALUES (:n)").bind("n", n).execute()));
            try {
                UnitOfWork.run(db.jdbi(), () -> {
                    commits.commit(1);
                    throw new IllegalStateException("the unit fails");
                });
            } catch (IllegalStateException expected) {
                // its write goes with it
            }
            assertThat(count(db)).isZero();
        }
    }

    private static int count(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM said").mapTo(Integer.class).one());
    }
}
