package dev.interviewcoach.bench;

import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first person to practise after a deploy: one mock interview in a direct message, started a few seconds after
 * the coach said it was ready, each answer sent as soon as its question arrives. Times each turn from the request
 * to the bot's post that ends it (the first question, then the next question or the scorecard), which is what that
 * person waits for while the process is still new (classes loading, code not yet compiled). The coach must not
 * join quick messages into one answer (start it with {@code interview.joinWithinSeconds} off): this person answers
 * at once, where a real one takes longer than that window to type.
 */
final class FirstInterview {

    private static final Duration TURN_LIMIT = Duration.ofSeconds(30);
    private static final int MOST_TURNS = 3 * SimulatedPerson.QUESTIONS;

    private final FakeSlack slack;
    private final SlackRequests requests;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<Person> current = new AtomicReference<>();
    private final AtomicInteger people = new AtomicInteger();

    /** @param signingSecret the coach's Slack signing secret, so that its requests are accepted */
    FirstInterview(FakeSlack slack, String signingSecret) {
        this.slack = slack;
        this.requests = new SlackRequests(signingSecret);
        slack.onCall(this::seen);
    }

    /**
     * What one person waited for, in milliseconds: the start's first question, then the reply to each answer.
     *
     * @param events the coach's Slack events URL
     */
    List<Long> run(URI events) throws Exception {
        int n = people.incrementAndGet();
        Person person = new Person(new SimulatedPerson(n, "UFIRST" + n, "DFIRST" + n));
        current.set(person);
        try {
            List<Long> waited = new ArrayList<>();
            waited.add(turn(person, requests.slashCommand(events, FakeSlack.TEAM_ID, person.who.channel(),
                    person.who.userId(), SimulatedPerson.COMMAND_TEXT)));
            // Five questions, and a follow-up on some of them (the coach's default), until the scorecard.
            for (int i = 0; person.who.turn() == SimulatedPerson.Turn.ANSWER; i++) {
                if (i == MOST_TURNS) {
                    throw new IllegalStateException("no scorecard after " + MOST_TURNS + " answers");
                }
                waited.add(turn(person, requests.event(events, "EvFIRST" + n + "-" + i, SlackRequests.messageEvent(
                        person.who.channel(), person.who.userId(), person.who.nextAnswer(), SlackRequests.newTs(), null,
                        "im"))));
            }
            return waited;
        } finally {
            current.set(null);
        }
    }

    private long turn(Person person, java.net.http.HttpRequest request) throws Exception {
        long sent = System.nanoTime();
        person.who.sent(sent, true);
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the coach answered HTTP " + response.statusCode() + ": " + response.body());
        }
        Long ended = person.turnEnds.poll(TURN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (ended == null) {
            throw new IllegalStateException("no reply within " + TURN_LIMIT.toSeconds() + " s");
        }
        return (ended - sent) / 1_000_000;
    }

    private void seen(ApiCall call) {
        Person person = current.get();
        if (person == null || !call.method().equals("chat.postMessage")
                || !person.who.channel().equals(call.arg("channel"))) {
            return;
        }
        long now = System.nanoTime();
        if (person.who.botPosted(call.arg("text"), now)) {
            person.turnEnds.add(now);
        }
    }

    private record Person(SimulatedPerson who, BlockingQueue<Long> turnEnds) {
        Person(SimulatedPerson who) {
            this(who, new ArrayBlockingQueue<>(16));
        }
    }
}
