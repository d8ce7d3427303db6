package dev.interviewcoach.app;

import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.question.BankCatalog;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies judging on a thread of its own once the coach is ready for events, so that the first people to answer
 * after a start or a deploy do not wait for the sentence model to load, for the banks to be placed by meaning and
 * their questions' wordings turned into vectors (seconds on two cores when the vector cache is new; read from it
 * otherwise) or for the judging code to be compiled. It does so again whenever the banks are reloaded (a custom bank
 * edited while the coach runs). Events are taken meanwhile: an answer that comes first gets what it needs itself, as
 * it would without this.
 */
final class JudgingWarmUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JudgingWarmUp.class);
    /**
     * How long a stop waits for the step in hand (the model's load, under a second; a question, or a few of the
     * banks' texts, a fraction of one) to end. It should end before the process exits, since ONNX Runtime releases
     * its native environment in a shutdown hook (see {@link StopSignals}).
     */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** Between questions it waits while events are in hand, but never longer than this, so that it ends under load. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(20);

    private final RuleBasedFeedbackEngine engine;
    private final IntSupplier eventsInHand;
    private final Semaphore banksChanged = new Semaphore(0);
    private final AtomicInteger done = new AtomicInteger();
    private final Thread thread;
    private volatile int questions;
    private volatile boolean again;
    private volatile String outcome;

    private JudgingWarmUp(RuleBasedFeedbackEngine engine, BankCatalog banks, IntSupplier eventsInHand) {
        this.engine = engine;
        this.eventsInHand = eventsInHand;
        this.questions = engine.questionsToPrepare();
        this.thread = Thread.ofPlatform().name("judging-warm-up").daemon().unstarted(this::run);
        banks.onReplace(banksChanged::release);
    }

    /**
     * Starts readying {@code engine}'s judging for {@code banks} in the background (and again after each reload of
     * them), giving way between questions while
     * {@code eventsInHand} (events queued or being handled) is above zero: on two cores it would slow them.
     */
    static JudgingWarmUp start(RuleBasedFeedbackEngine engine, BankCatalog banks, IntSupplier eventsInHand) {
        JudgingWarmUp warmUp = new JudgingWarmUp(engine, banks, eventsInHand);
        warmUp.thread.start();
        return warmUp;
    }

    /** How far it got, for {@code /readyz}: never a reason to be unready, since answers are judged meanwhile. */
    String state() {
        String finished = outcome;
        return finished != null ? finished : "getting ready " + (again ? "again after the banks changed" : "in the background")
                + " (" + done.get() + " of " + questions + " questions)";
    }

    private void run() {
        while (true) {
            long began = System.nanoTime();
            questions = engine.questionsToPrepare();
            done.set(0);
            outcome = null;
            try {
                engine.prepare(this::between);
                if (Thread.currentThread().isInterrupted()) {
                    outcome = "stopped before it was ready (" + done.get() + " of " + questions + " questions)";
                    return;
                }
                long millis = (System.nanoTime() - began) / 1_000_000;
                outcome = (again ? "ready again after the banks changed" : "ready") + " (" + questions
                        + " questions, readied in " + millis + " ms)";
                log.info("judging ready for the first answers{}: {} questions readied in {} ms",
                        again ? " after the banks changed" : "", questions, millis);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    outcome = "stopped before it was ready";
                    log.debug("judging warm-up stopped by the coach's stop", e);
                    return;
                }
                // Nothing is lost: each answer readies what it needs, as it would have without this.
                outcome = "readied on the first answers instead (" + e.getClass().getSimpleName() + " while getting ready)";
                log.warn("judging could not be readied ahead of the first answers; they will ready it as they come", e);
            }
            try {
                banksChanged.acquire();
                banksChanged.drainPermits(); // several reloads in a row: one pass for the last of them
            } catch (InterruptedException stopped) {
                return;
            }
            again = true;
        }
    }

    private void between(int questionsDone) {
        done.set(questionsDone);
        long since = System.nanoTime();
        try {
            while (eventsInHand.getAsInt() > 0 && System.nanoTime() - since < LONGEST_PAUSE.toNanos()) {
                Thread.sleep(LOOK_AGAIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the stop: prepare ends before the next question
        }
    }

    /** Asks it to stop after the step in hand and waits for that (see {@link #STOP_WAIT}). */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(STOP_WAIT);
    }
}
