package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A stop (Ctrl-C) in a terminal command waits for the step in hand and never finds a text inside the model. */
class StopOutsideTheModelTest {

    /** Records how the process would have ended and what was said first, instead of ending it. */
    private static final class Ending {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Integer> code = new CompletableFuture<>();

        void exit(int c) {
            events.add("exit " + c);
            code.complete(c);
        }
    }

    @Test
    void aStopWaitsForTheStepInHandThenSaysItsFarewellAndEndsWithTheSignalsCode() throws Exception {
        Ending ending = new Ending();
        StopOutsideTheModel stops = new StopOutsideTheModel(ending::exit, code -> ending.exit(-code));
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch finishStep = new CountDownLatch(1);
        Thread answer = Thread.ofPlatform().start(() -> stops.run(() -> {
            inStep.countDown();
            waitFor(finishStep);
            ending.events.add("feedback shown");
        }));
        assertThat(inStep.await(5, TimeUnit.SECONDS)).isTrue();

        Thread.ofPlatform().start(() -> stops.stop(130, () -> ending.events.add("farewell")));
        await().atMost(Duration.ofSeconds(5)).until(stops::stopping);
        Thread.sleep(100);
        assertThat(ending.code).as("not while the answer is being judged").isNotDone();

        finishStep.countDown();
        assertThat(ending.code.get(5, TimeUnit.SECONDS)).isEqualTo(130);
        assertThat(ending.events).containsExactly("feedback shown", "farewell", "exit 130");
        answer.join();
    }

    @Test
    void noStepBeginsOnceAStopHasBegun() throws Exception {
        Ending ending = new Ending();
        StopOutsideTheModel stops = new StopOutsideTheModel(ending::exit, code -> ending.exit(-code));
        stops.stop(143, () -> { });
        assertThat(ending.code.get(5, TimeUnit.SECONDS)).isEqualTo(143);

        CountDownLatch ran = new CountDownLatch(1);
        Thread late = Thread.ofPlatform().daemon().start(() -> stops.run(ran::countDown));
        assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("a step typed after the stop is not handled").isFalse();
        late.interrupt();
    }

    @Test
    void theModelReadsAFewTextsAtATimeAndAStopComesBetweenThem() throws Exception {
        Ending ending = new Ending();
        StopOutsideTheModel stops = new StopOutsideTheModel(ending::exit, code -> ending.exit(-code));
        List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchIn = new CountDownLatch(1);
        CountDownLatch finishFirstBatch = new CountDownLatch(1);
        SentenceEmbedder model = stops.around(new NumberModel(batches, () -> {
            if (batches.size() == 1) {
                firstBatchIn.countDown();
                waitFor(finishFirstBatch);
            }
        }));
        assertThat(model.modelId()).isEqualTo("counting");

        List<String> texts = IntStream.range(0, 40).mapToObj(Integer::toString).toList();
        CompletableFuture<List<float[]>> vectors = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                vectors.complete(model.embed(texts));
            } catch (RuntimeException e) {
                vectors.completeExceptionally(e);
            }
        });
        assertThat(firstBatchIn.await(5, TimeUnit.SECONDS)).as("%s", vectors).isTrue();
        Thread.ofPlatform().start(() -> stops.stop(130, () -> { }));
        await().atMost(Duration.ofSeconds(5)).until(stops::stopping);
        finishFirstBatch.countDown();

        assertThat(ending.code.get(5, TimeUnit.SECONDS)).isEqualTo(130);
        Thread.sleep(100);
        assertThat(batches).as("the texts in hand, and none after the stop").containsExactly(16);
        assertThat(vectors).isNotDone();
    }

    @Test
    void withNoStopTheModelsVectorsComeBackWholeAndInOrder() {
        StopOutsideTheModel stops = new StopOutsideTheModel(code -> { }, code -> { });
        List<Integer> batches = new ArrayList<>();
        SentenceEmbedder model = stops.around(new NumberModel(batches, () -> { }));
        List<float[]> vectors = model.embed(IntStream.range(0, 40).mapToObj(Integer::toString).toList());
        assertThat(batches).containsExactly(16, 16, 8);
        assertThat(vectors).extracting(v -> (int) v[0]).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
        assertThat(model.embed(List.of())).isEmpty();
    }

    /** A stand-in model: a text that is a number gets that number as its vector; it records each batch's size. */
    private record NumberModel(List<Integer> batches, Runnable eachBatch) implements SentenceEmbedder {
        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            batches.add(texts.size());
            eachBatch.run();
            return texts.stream().map(t -> new float[] {Float.parseFloat(t)}).toList();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
