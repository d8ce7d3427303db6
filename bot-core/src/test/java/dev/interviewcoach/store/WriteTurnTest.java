package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

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
        CompletableFuture<Void> slowUnit = CompletableFuture.runAsync(() -> UnitOfWork.run(said.db().jdbi(), () -> {
            said.write("first");
            holding.countDown();
            sleep(300); // work between writes keeps the unit's transaction, and so the turn
            said.write("second");
            return null;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        long asked = System.nanoTime();
        said.write("other"); // waits for the slow unit to commit
        double waitedHere = (System.nanoTime() - asked) / 1e9;
        slowUnit.get(5, TimeUnit.SECONDS);

        assertThat(turn.turns() - before).isEqualTo(2); // the unit's (its two writes in one turn) and the lone write's
        assertThat(turn.secondsHeld()).isGreaterThanOrEqualTo(0.25);
        assertThat(turn.secondsWaited()).isGreaterThanOrEqualTo(0.1).isLessThanOrEqualTo(waitedHere + 0.05);
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
