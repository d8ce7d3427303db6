package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On SQLite, the write turn tells an operator how busy the one writer is: how many turns were taken, how long they
 * were held and how long others waited for them. PostgreSQL has no such turn.
 */
class WriteTurnTest {

    @RegisterExtension
    final SaidTable said = new SaidTable();

    @Test
    void aWriterHoldingTheTurnIsTimedAndSoIsTheOneWaitingForIt() throws Exception {
        WriteTurn turn = said.db().writeTurn().orElseThrow();
        long before = turn.turns();
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> unit = CompletableFuture.runAsync(() -> UnitOfWork.run(said.db().jdbi(), () -> {
            said.write("first");
            // Held a while before the other writer may queue: its wait also counts the hand-over after the commit
            // (a thread waking on a busy machine), which this keeps well inside the time held.
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            holding.countDown();
            // The unit's transaction, and so the turn, stays open until another writer is queued for it.
            await().atMost(Duration.ofSeconds(5)).until(() -> turn.waiting() == 1);
            said.write("second");
            return null;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        long asked = System.nanoTime();
        said.write("other"); // waits for the unit to commit
        double waitedHere = (System.nanoTime() - asked) / 1e9;
        unit.get(5, TimeUnit.SECONDS);

        assertThat(turn.turns() - before).isEqualTo(2); // the unit's (its two writes in one turn) and the lone write's
        assertThat(turn.secondsWaited()).isPositive().isLessThanOrEqualTo(waitedHere);
        assertThat(turn.secondsHeld()).as("the unit held the turn all the while the other writer waited")
                .isGreaterThanOrEqualTo(turn.secondsWaited());
        assertThat(turn.waiting()).isZero();
    }

    @Test
    void aReadTakesNoTurn() {
        said.write("first");
        WriteTurn turn = said.db().writeTurn().orElseThrow();
        long before = turn.turns();
        said.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM said").mapTo(Integer.class).one());
        UnitOfWork.run(said.db().jdbi(), () ->
                said.db().jdbi().withHandle(h -> h.createQuery("SELECT who FROM said").mapTo(String.class).list()));
        assertThat(turn.turns()).isEqualTo(before);
    }
}
