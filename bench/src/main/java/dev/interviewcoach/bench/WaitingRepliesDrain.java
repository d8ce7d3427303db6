package dev.interviewcoach.bench;

import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How fast replies that waited for a rate limit go out once it is over ({@code --mode=drain}): {@code places} people
 * start an interview at once, Slack answers each of the coach's first {@code places} posts with 429 and a
 * {@code Retry-After} of {@link #RETRY_AFTER_SECONDS} s (so each place's reply waits in the outbox), and every later
 * call {@code latency} late. Reported: from the moment the first wait was over to the last place's question.
 */
final class WaitingRepliesDrain {

    static final int RETRY_AFTER_SECONDS = 2;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /**
     * What a drain came to: from the first wait being over to the median and the last place's reply, and from the
     * first of those replies to the last.
     */
    record Result(int places, long firstDueToLastMillis, long firstDueToMedianMillis, long firstOutToLastOutMillis) {}

    private WaitingRepliesDrain() {
    }

    static Result run(int places, Duration latency, PrintStream out) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SlackRequests requests = new SlackRequests(CoachOnSlack.SIGNING_SECRET);
        try (FakeSlack slack = FakeSlack.start(); CoachOnSlack coach = new CoachOnSlack(slack, 8, 256)) {
            AtomicLong firstRefusedAt = new AtomicLong();
            AtomicLongArray answeredAt = new AtomicLongArray(places);
            AtomicInteger answered = new AtomicInteger();
            Set<String> answeredPlaces = ConcurrentHashMap.newKeySet();
            slack.onCall(call -> record(slack, call, firstRefusedAt, answeredAt, answered, answeredPlaces));
            slack.rateLimitNext("chat.postMessage", places, RETRY_AFTER_SECONDS);
            slack.answerAfter(latency);
            // All at once, so that the waits end close together, as after one rate limit for many places
            List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
            for (int i = 0; i < places; i++) {
                String user = String.format("UDRAIN%05d", i);
                acks.add(http.sendAsync(requests.slashCommand(coach.url(), FakeSlack.TEAM_ID, "DDRAIN" + i, user,
                        SimulatedPerson.COMMAND_TEXT), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> ack : acks) {
                if (ack.get().statusCode() != 200) {
                    throw new IllegalStateException("the coach refused a start with HTTP " + ack.get().statusCode());
                }
            }
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (answeredPlaces.size() < places && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(20); // the last place's time is written just after it is counted
            if (answeredPlaces.size() < places) {
                throw new IllegalStateException("only " + answeredPlaces.size() + " of " + places + " places had their question"
                        + " after " + LIMIT.toSeconds() + " s");
            }
            long firstDue = firstRefusedAt.get() + Duration.ofSeconds(RETRY_AFTER_SECONDS).toNanos();
            long[] times = new long[places];
            for (int i = 0; i < places; i++) {
                times[i] = answeredAt.get(i);
            }
            Arrays.sort(times);
            Result result = new Result(places, Math.max(0, (times[places - 1] - firstDue) / 1_000_000),
                    Math.max(0, (times[places / 2] - firstDue) / 1_000_000), (times[places - 1] - times[0]) / 1_000_000);
            out.printf(Locale.ROOT, "drain: %d places' first questions held by a %d s rate limit, Slack answering %d ms"
                            + " late: after the first wait was over, the median place had its question in %d ms, the"
                            + " last in %d ms; from the first of them to the last %d ms%n", places, RETRY_AFTER_SECONDS,
                    latency.toMillis(), result.firstDueToMedianMillis(), result.firstDueToLastMillis(),
                    result.firstOutToLastOutMillis());
            return result;
        }
    }

    /** A post Slack took (not refused) that ends the bot's turn is the place's question going out. */
    private static void record(FakeSlack slack, ApiCall call, AtomicLong firstRefusedAt, AtomicLongArray answeredAt,
                               AtomicInteger answered, Set<String> answeredPlaces) {
        if (!call.method().equals("chat.postMessage")) {
            return;
        }
        long now = System.nanoTime();
        if (slack.answeredTs(call) == null) {
            firstRefusedAt.compareAndSet(0, now);
            return;
        }
        String text = call.arg("text");
        if (text != null && SimulatedPerson.turnAfter(text) != null && answeredPlaces.add(call.arg("channel"))) {
            int i = answered.getAndIncrement();
            if (i < answeredAt.length()) {
                answeredAt.set(i, now);
            }
        }
    }
}
