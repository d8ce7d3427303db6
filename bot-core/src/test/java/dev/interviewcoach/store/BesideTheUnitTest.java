package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Work run beside an event's unit of work (a question of the day's claim and post) commits as it goes: others see
 * it at once and may write meanwhile, and it stays when the event's own work fails afterwards.
 */
class BesideTheUnitTest {

    @RegisterExtension
    final SaidTable said = new SaidTable();

    private void write(String who) {
        said.write(who);
    }

    private int count() {
        return said.count();
    }

    /** Counted on another thread, with a connection of its own: what the rest of the process sees. */
    private int countElsewhere() throws Exception {
        return CompletableFuture.supplyAsync(this::count).get(5, TimeUnit.SECONDS);
    }

    /** Written on another thread, outside any unit: another person's work. */
    private void writeElsewhere(String who) throws Exception {
        CompletableFuture.runAsync(() -> write(who)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void workBesideAUnitThatHasNotWrittenCommitsAtOnceAndLeavesOthersFreeToWrite() throws Exception {
        assertThatThrownBy(() -> inAUnit(() -> {
            count();
            assertThat(said.db().writing()).isFalse();
            said.db().besideTheUnit(() -> {
                write("claim");
                return null;
            });
            assertThat(said.db().writing()).as("the claim did not open the unit's transaction").isFalse();
            try {
                assertThat(countElsewhere()).as("seen at once").isEqualTo(1);
                writeElsewhere("someone else"); // would wait for the unit's commit on SQLite if the claim had joined it
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            write("the command's own reply");
            assertThat(said.db().writing()).isTrue();
            throw new IllegalStateException("the command failed afterwards");
        })).hasMessageContaining("failed afterwards");
        assertThat(count()).as("the claim and the other person's write stay; the command's own write is undone")
                .isEqualTo(2);
    }

    @Test
    void workBesideAUnitThatHasBegunWritingJoinsIt() {
        assertThatThrownBy(() -> inAUnit(() -> {
            write("first");
            said.db().besideTheUnit(() -> {
                write("beside");
                return null;
            });
            throw new IllegalStateException("failed");
        })).hasMessageContaining("failed");
        assertThat(count()).as("it was part of the unit, undone with it").isZero();
    }

    @Test
    void outsideAnyUnitItRunsAsItIs() {
        assertThat(said.db().writing()).isFalse();
        assertThat(said.db().besideTheUnit(() -> {
            write("plain");
            return count();
        })).isEqualTo(1);
    }

    /** Runs work in a unit of work, as an event's work runs. */
    private void inAUnit(Runnable work) {
        UnitOfWork.run(said.db().jdbi(), () -> {
            work.run();
            return null;
        });
    }
}
