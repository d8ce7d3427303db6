package dev.interviewcoach.app;

import dev.interviewcoach.console.Steps;
import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a command a person runs in a terminal ({@code coach console}, {@code score}, {@code eval}) be stopped with
 * Ctrl-C or SIGTERM only between steps, never with the sentence model in the middle of a text. The JVM's exit runs
 * ONNX Runtime's shutdown hook, which releases the model's native environment: with a text still inside it, the JVM
 * could crash on its way out. Each step (a console turn) and each few texts the model reads hold a shared lock; a stop
 * takes it whole, so it waits for the step in hand, and then ends the process with the code a shell expects.
 */
final class StopOutsideTheModel implements Steps {

    private static final Logger log = LoggerFactory.getLogger(StopOutsideTheModel.class);

    /** Texts the model reads under one hold of the lock: a stop waits for at most this many (well under a second). */
    static final int TEXTS_AT_A_TIME = 16;
    /** A step that has not finished by then (a stuck reviewer, say) does not keep the process from ending. */
    private static final long LONGEST_WAIT_SECONDS = 20;

    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private final IntConsumer exit;
    private final IntConsumer halt;

    StopOutsideTheModel() {
        this(code -> Runtime.getRuntime().exit(code), code -> Runtime.getRuntime().halt(code));
    }

    /**
     * With how the process ends given, for tests: {@code exit} runs the JVM's shutdown hooks; {@code halt} does not, for
     * a step that never finished (the model's hook must not run beside it).
     */
    StopOutsideTheModel(IntConsumer exit, IntConsumer halt) {
        this.exit = exit;
        this.halt = halt;
    }

    @Override
    public void run(Runnable step) {
        Lock shared = inUse.readLock();
        shared.lock();
        try {
            step.run();
        } finally {
            shared.unlock();
        }
    }

    /** {@code model}, reading a few texts at a time under the lock, so a stop never finds a text inside it. */
    SentenceEmbedder around(SentenceEmbedder model) {
        return new SentenceEmbedder() {
            @Override
            public String modelId() {
                return model.modelId();
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                List<float[]> vectors = new ArrayList<>(texts.size());
                for (int from = 0; from < texts.size(); from += TEXTS_AT_A_TIME) {
                    List<String> some = texts.subList(from, Math.min(texts.size(), from + TEXTS_AT_A_TIME));
                    Lock shared = inUse.readLock();
                    shared.lock();
                    try {
                        vectors.addAll(model.embed(some));
                    } finally {
                        shared.unlock();
                    }
                }
                return vectors;
            }
        };
    }

    /**
     * From now on Ctrl-C and SIGTERM end the process once no step is in hand, after {@code farewell} (what the person
     * should know, such as that their interview is kept). Returns false where this JVM does not let signals be
     * handled; they then end it as before.
     */
    boolean stopOnSignals(Runnable farewell) {
        // The signal's own thread must return at once; the wait for the step in hand happens on another.
        return StopSignals.install(code -> Thread.ofPlatform().name("stop-between-steps").start(() -> stop(code, farewell)));
    }

    /** Whether a stop has begun: it waits for the step in hand, or holds the lock while the process ends. */
    boolean stopping() {
        return inUse.isWriteLocked() || inUse.hasQueuedThreads();
    }

    /** Waits for the step in hand, says {@code farewell} and ends the process with {@code code}, holding the lock. */
    void stop(int code, Runnable farewell) {
        Lock whole = inUse.writeLock();
        boolean alone = false;
        try {
            alone = whole.tryLock(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            farewell.run();
        } catch (RuntimeException e) {
            log.debug("the farewell could not be said in full", e); // e.g. the session had already closed its database
        } finally {
            if (alone) {
                // Never unlocked: no step may begin while the JVM's hooks run.
                exit.accept(code);
            } else {
                // A step is still under way, perhaps inside the model: end without the hooks that would pull the
                // model out from under it.
                log.warn("a step was still under way {} s after the stop; ending the process now", LONGEST_WAIT_SECONDS);
                halt.accept(code);
            }
        }
    }
}
