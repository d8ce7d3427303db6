package dev.interviewcoach.bench;

import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives simulated people through mock interviews against one target for one phase: a warm-up, a measured window,
 * then a drain while the last replies come in.
 *
 * <p>Open loop: a scheduler sends at a fixed rate whether or not earlier requests were answered; in each slot it
 * sends the turn of a person who is ready (whose question has arrived), and counts the slot idle when nobody is.
 * Closed loop ({@code rate == 0}): each person sends as soon as they are ready, so the rate is what the app
 * sustains with that many people in flight. Requests are sent with {@link HttpClient#sendAsync}, so the sender
 * never waits for an answer.
 */
final class LoadDriver {

    private static final long STALL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final String TURNED_AWAY = "swamped";

    private final HttpClient http;
    private final SlackRequests requests;
    private final SlackTarget target;
    private final List<SimulatedPerson> people = new ArrayList<>();
    private final Map<String, SimulatedPerson> byChannel = new HashMap<>();
    private final BlockingQueue<SimulatedPerson> ready = new LinkedBlockingQueue<>();
    private final Queue<Delivery> measured = new ConcurrentLinkedQueue<>();
    private final AtomicLong eventIds = new AtomicLong();
    /** Requests sent in this phase: with several instances, which one a request goes to. */
    private final AtomicLong sends = new AtomicLong();
    private final LongAdder stalls = new LongAdder();
    private final Map<String, LongAdder> callsByMethod = new ConcurrentSkipListMap<>();
    private final LongAdder answersTaken = new LongAdder();
    private final LongAdder commandsTaken = new LongAdder();
    private final String idPrefix;
    private final boolean followReplies;
    private final boolean echoes;

    /**
     * @param idPrefix      makes user ids and event ids unique to this phase, so phases never see each other's
     *                      interviews (letters and digits only: Slack ids are upper-case alphanumerics)
     * @param followReplies people wait for the bot's next question before they send again; false makes them send
     *                      again as soon as the ack comes, as against the bare app (for the coach that measures
     *                      the ack path alone, and floods the engine: not a sustainable rate)
     * @param dmIds         how the people's direct conversations are named
     */
    LoadDriver(HttpClient http, SlackRequests requests, SlackTarget target, String idPrefix, int peopleCount,
               boolean followReplies, DirectChannelIds dmIds) {
        this.http = http;
        this.requests = requests;
        this.target = target;
        this.idPrefix = idPrefix;
        this.followReplies = followReplies && target.replies();
        this.echoes = target.echoes();
        DirectChannelIds.Generator channels = dmIds.generator(idPrefix.hashCode());
        for (int i = 0; i < peopleCount; i++) {
            String userId = String.format("U%sP%05d", idPrefix, i);
            SimulatedPerson person = new SimulatedPerson(i, userId, channels.forUser(userId));
            people.add(person);
            byChannel.put(person.channel(), person);
        }
    }

    /** Every Web API call the fake Slack receives comes here; a post in a person's DM is the bot's reply. */
    void onSlackCall(ApiCall call) {
        String channel = call.arg("channel");
        SimulatedPerson person = channel == null ? null : byChannel.get(channel);
        if (channel == null || person != null) {
            callsByMethod.computeIfAbsent(call.method(), m -> new LongAdder()).increment();
        }
        if (!followReplies || !call.method().equals("chat.postMessage")) {
            return;
        }
        long now = System.nanoTime();
        if (person != null && (echoes ? person.echoed(now) : person.botPosted(call.arg("text"), now))) {
            ready.add(person);
        }
    }

    /**
     * Runs one phase.
     *
     * @param rate events per second for the open loop, or 0 for the closed loop
     */
    PhaseResult run(String phase, double rate, Duration warmup, Duration window, Duration drainLimit)
            throws InterruptedException {
        ready.addAll(people);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + window.toNanos();
        AtomicReference<ResourceUse> before = new AtomicReference<>();
        AtomicReference<ResourceUse> after = new AtomicReference<>();
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleAtFixedRate(this::releaseStalled, 250, 250, TimeUnit.MILLISECONDS);
        watch.schedule(() -> before.set(ResourceUse.now()), warmup.toNanos(), TimeUnit.NANOSECONDS);
        watch.schedule(() -> after.set(ResourceUse.now()), warmup.toNanos() + window.toNanos(), TimeUnit.NANOSECONDS);
        long idleSlots = 0;
        long maxLag = 0;
        try {
            if (rate > 0) {
                long period = Math.round(1e9 / rate);
                for (long slot = start; slot < end; slot += period) {
                    long wait = slot - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean inWindow = slot >= measureFrom;
                    SimulatedPerson person = ready.poll();
                    if (person == null) {
                        idleSlots += inWindow ? 1 : 0;
                        continue;
                    }
                    if (inWindow) {
                        maxLag = Math.max(maxLag, System.nanoTime() - slot);
                    }
                    send(person, inWindow);
                }
            } else {
                while (System.nanoTime() < end) {
                    SimulatedPerson person = ready.poll(20, TimeUnit.MILLISECONDS);
                    if (person != null) {
                        send(person, System.nanoTime() >= measureFrom);
                    }
                }
            }
            drain(drainLimit);
            while (after.get() == null) {
                Thread.sleep(10);
            }
        } finally {
            watch.shutdownNow();
        }
        return result(phase, rate, window, idleSlots, maxLag, before.get().until(after.get()));
    }

    private void send(SimulatedPerson person, boolean inWindow) {
        SimulatedPerson.Turn turn = person.turn();
        URI url = target.url(sends.getAndIncrement());
        HttpRequest request = switch (turn) {
            case COMMAND -> requests.slashCommand(url, FakeSlack.TEAM_ID, person.channel(), person.userId(),
                    SimulatedPerson.COMMAND_TEXT);
            case ANSWER -> requests.event(url, "Ev" + idPrefix + eventIds.incrementAndGet(),
                    SlackRequests.messageEvent(person.channel(), person.userId(), person.nextAnswer(),
                            SlackRequests.newTs(), null, "im"));
        };
        Delivery delivery = person.sent(System.nanoTime(), inWindow);
        if (inWindow) {
            measured.add(delivery);
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure != null) {
                delivery.failed(now, failure.getClass().getSimpleName());
            } else {
                delivery.acked(now, response.statusCode(), response.body() != null
                        && response.body().contains(TURNED_AWAY));
            }
            if (delivery.accepted()) {
                (turn == SimulatedPerson.Turn.ANSWER ? answersTaken : commandsTaken).increment();
            }
            boolean again = delivery.accepted() && !followReplies ? person.ackEndsTurn(delivery)
                    : !delivery.accepted() && person.refused(delivery);
            if (again) {
                ready.add(person);
            }
        });
    }

    private void releaseStalled() {
        long now = System.nanoTime();
        for (SimulatedPerson person : people) {
            if (person.giveUpIfStalled(now, STALL_NANOS)) {
                stalls.increment();
                ready.add(person);
            }
        }
    }

    /** Waits until every measured request has been answered and, where the app replies, replied to. */
    private void drain(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (measured.stream().allMatch(d -> d.settled(followReplies))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private PhaseResult result(String phase, double rate, Duration window, long idleSlots, long maxLag,
                               ResourceUse.Spent spent) {
        Latencies ack = new Latencies();
        Latencies reply = new Latencies();
        long sent = 0;
        long acknowledged = 0;
        long completed = 0;
        long refused = 0;
        long missing = 0;
        for (Delivery d : measured) {
            sent++;
            acknowledged += d.acknowledged() ? 1 : 0;
            if (!d.accepted()) {
                refused++;
                continue;
            }
            ack.add(d.ackLatency());
            if (!followReplies) {
                completed++;
            } else if (d.replied()) {
                reply.add(d.replyLatency());
                completed++;
            } else {
                missing++;
            }
        }
        return new PhaseResult(target.name(), phase, rate, people.size(), window.toNanos() / 1e9, sent, acknowledged,
                completed,
                refused, missing, stalls.sum(), idleSlots, maxLag / 1e6, ack, reply, spent, calls());
    }

    /** The Web API calls made for this phase's people so far, and what of theirs was taken. */
    PhaseResult.Calls calls() {
        Map<String, Long> byMethod = new TreeMap<>();
        callsByMethod.forEach((method, count) -> byMethod.put(method, count.sum()));
        return new PhaseResult.Calls(byMethod.values().stream().mapToLong(Long::longValue).sum(), byMethod,
                answersTaken.sum(), commandsTaken.sum());
    }
}
