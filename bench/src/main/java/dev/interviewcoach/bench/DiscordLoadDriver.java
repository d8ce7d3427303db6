package dev.interviewcoach.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.discord.RestCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives simulated people through mock interviews on the fake Discord for one phase, as people use the coach there:
 * {@code /coach mock} in the guild's text channel (an interaction, which the bot must acknowledge within 3 s), then
 * the answers typed in the private thread the coach opens for the interview (MESSAGE_CREATE over the gateway).
 * Against the bare bot, people only run the slash command, again as soon as it is acknowledged.
 *
 * <p>What the fake receives tells the harness what happened, through {@link FakeDiscord#onCall}: the interaction
 * callback is the acknowledgement; adding the person to a thread says which thread is theirs; a message posted in
 * that thread, or through the interaction's webhook, is a reply (the first one after sending times event-to-reply;
 * the one holding the next question or the scorecard ends the bot's turn). Open and closed loop as in
 * {@link LoadDriver}. Injection is synchronous (a gateway frame sent), acknowledgements and replies arrive on the
 * fake's HTTP threads.
 */
final class DiscordLoadDriver {

    static final Map<String, Object> MOCK_OPTIONS = Map.of("track", "python-developer", "questions",
            SimulatedPerson.QUESTIONS);
    private static final long STALL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Pattern CALLBACK = Pattern.compile("interactions/\\d+/([^/]+)/callback");
    private static final Pattern THREAD_MEMBER = Pattern.compile("channels/(\\d+)/thread-members/(\\d+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern MENTION = Pattern.compile("<@(\\d+)>");
    private static final Pattern WEBHOOK = Pattern.compile("webhooks/\\d+/([^/]+)(/messages/[^/]+)?");

    /** One thing a person sent, and whether it was the slash command (an interaction) or a typed answer. */
    private record Sent(Delivery delivery, boolean command) {
    }

    /** An interaction sent, waiting for its acknowledgement. */
    /** A measured start: when it went out, and the thread the person was in before it ("" for none). */
    private record Start(long at, String formerThread) {
    }

    private record Pending(SimulatedPerson person, Delivery delivery) {
    }

    private final FakeDiscord discord;
    /** When each person's measured {@code /coach mock} went out, until its thread's first message arrives. */
    private final Map<String, Start> startedAt = new ConcurrentHashMap<>();
    private final Latencies openings = new Latencies();
    private final DiscordTarget target;
    private final boolean followReplies;
    private final List<SimulatedPerson> people = new ArrayList<>();
    private final Map<String, SimulatedPerson> byUser = new HashMap<>();
    private final Map<String, SimulatedPerson> byThread = new ConcurrentHashMap<>();
    private final Map<String, String> threadOf = new ConcurrentHashMap<>();
    private final Map<String, Pending> byToken = new HashMap<>();      // guarded by itself
    private final Map<String, Long> earlyAcks = new HashMap<>();        // guarded by byToken
    private final BlockingQueue<SimulatedPerson> ready = new LinkedBlockingQueue<>();
    private final Queue<Sent> measured = new ConcurrentLinkedQueue<>();
    private final LongAdder stalls = new LongAdder();
    private final Map<String, LongAdder> callsByRoute = new ConcurrentSkipListMap<>();
    private final LongAdder answersSent = new LongAdder();
    private final LongAdder commandsSent = new LongAdder();

    /**
     * @param idPrefix a number that makes this phase's user ids unique (Discord ids are snowflakes: digits only)
     */
    DiscordLoadDriver(FakeDiscord discord, DiscordTarget target, int idPrefix, int peopleCount) {
        this(discord, target, idPrefix, peopleCount, 1);
    }

    /** As above, with people starting their interviews in {@code channels} (1 or 2) of the guild's text channels, in turn. */
    DiscordLoadDriver(FakeDiscord discord, DiscordTarget target, int idPrefix, int peopleCount, int channels) {
        this.discord = discord;
        this.target = target;
        this.followReplies = target.replies();
        for (int i = 0; i < peopleCount; i++) {
            String userId = String.format("14%07d%06d", idPrefix, i);
            SimulatedPerson person = new SimulatedPerson(i, userId,
                    i % channels == 0 ? FakeDiscord.CHANNEL_ID : FakeDiscord.LEADS_CHANNEL_ID);
            people.add(person);
            byUser.put(userId, person);
        }
    }

    /** Every REST call the fake Discord receives while this phase runs. */
    void onCall(RestCall call) {
        long now = System.nanoTime();
        String path = call.path();
        callsByRoute.computeIfAbsent(call.method() + " " + route(path), r -> new LongAdder()).increment();
        Matcher m;
        if (call.method().equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
            Pending pending;
            synchronized (byToken) {
                pending = byToken.get(m.group(1));
                if (pending == null) {
                    earlyAcks.put(m.group(1), now); // came back before send() could file the token
                }
            }
            if (pending != null) {
                acked(pending, now);
            }
            return;
        }
        if (call.method().equals("PUT") && (m = THREAD_MEMBER.matcher(path)).matches()) {
            joined(m.group(1), byUser.get(m.group(2)));
            return;
        }
        if (!followReplies) {
            return;
        }
        SimulatedPerson person = null;
        if (call.method().equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
            String channel = m.group(1);
            person = byThread.get(channel);
            if (person == null && (m = MENTION.matcher(text(call.body()))).find()) {
                // The coach posts an interview's opening while Discord adds the person, so the opening, which
                // mentions them, can come before the add that tells the harness whose thread it is.
                person = byUser.get(m.group(1));
                if (person != null && discord.isThread(channel)) {
                    joined(channel, person);
                } else {
                    person = null;
                }
            }
            Start started = person == null ? null : startedAt.get(person.userId());
            // the first message in a thread other than the one the person was in: not a late word in the old one
            if (started != null && !channel.equals(started.formerThread())
                    && startedAt.remove(person.userId(), started)) {
                openings.add(now - started.at());
            }
        } else if ((call.method().equals("POST") || call.method().equals("PATCH"))
                && (m = WEBHOOK.matcher(path)).matches()) {
            synchronized (byToken) {
                Pending pending = byToken.get(m.group(1));
                person = pending == null ? null : pending.person();
            }
        }
        if (person != null && person.botPosted(text(call.body()), now)) {
            ready.add(person);
        }
    }

    private void joined(String thread, SimulatedPerson person) {
        if (person != null) {
            threadOf.put(person.userId(), thread);
            byThread.put(thread, person);
        }
    }

    private void acked(Pending pending, long now) {
        pending.delivery().acked(now, 200, false);
        if (!followReplies && pending.person().ackEndsTurn(pending.delivery())) {
            ready.add(pending.person());
        }
    }

    /** What a message says, part by part: its content, then each embed's title (or text, where it has none). */
    static String text(JsonNode body) {
        List<String> parts = new ArrayList<>();
        String content = body.path("content").asText("");
        if (!content.isBlank()) {
            parts.add(content);
        }
        for (JsonNode embed : body.path("embeds")) {
            String title = embed.path("title").asText("");
            parts.add((title.isBlank() ? embed.path("description").asText("") : title).replaceFirst("^\\**", ""));
        }
        return String.join("\n\n", parts);
    }

    /** A route with its ids and tokens taken out, for counting calls by kind. */
    static String route(String path) {
        return path.replaceAll("\\d{6,}", "N").replaceAll("(interactions/N|webhooks/N)/[^/]+", "$1/TOKEN");
    }

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

    /**
     * Sends an event once a gateway session can carry it. A starved machine can make JDA miss a
     * heartbeat and reconnect; Discord would hold the event and replay it on the resumed session, so
     * the event waits (up to a few seconds) rather than counting as a failed send.
     */
    private static <T> T whenConnected(Supplier<T> send) {
        long deadline = System.nanoTime() + RECONNECT_WAIT.toNanos();
        while (true) {
            try {
                return send.get();
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline || e.getMessage() == null
                        || !e.getMessage().startsWith("no gateway client is connected")) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(10);

    private void send(SimulatedPerson person, boolean inWindow) {
        String thread = threadOf.get(person.userId());
        boolean answer = followReplies && person.turn() == SimulatedPerson.Turn.ANSWER && thread != null;
        if (answer) {
            String text = person.nextAnswer();
            Delivery delivery = person.sent(System.nanoTime(), inWindow);
            try {
                whenConnected(() -> discord.message(person.userId(), thread, text));
                delivery.acked(System.nanoTime(), 200, false); // no acknowledgement on Discord: delivered is taken
                answersSent.increment();
            } catch (RuntimeException e) {
                delivery.failed(System.nanoTime(), e.getClass().getSimpleName());
                person.refused(delivery);
                ready.add(person);
            }
            if (inWindow) {
                measured.add(new Sent(delivery, false));
            }
            return;
        }
        long sentAt = System.nanoTime();
        Delivery delivery = person.sent(sentAt, inWindow);
        if (inWindow) {
            measured.add(new Sent(delivery, true));
            startedAt.put(person.userId(), new Start(sentAt, threadOf.getOrDefault(person.userId(), "")));
        }
        String token;
        try {
            token = whenConnected(() -> discord.slashCommand(person.userId(), person.channel(), "coach", "mock",
                    MOCK_OPTIONS));
        } catch (RuntimeException e) {
            delivery.failed(System.nanoTime(), e.getClass().getSimpleName());
            person.refused(delivery);
            ready.add(person);
            return;
        }
        commandsSent.increment();
        Pending pending = new Pending(person, delivery);
        Long early;
        synchronized (byToken) {
            byToken.put(token, pending);
            early = earlyAcks.remove(token);
        }
        if (early != null) {
            acked(pending, early);
        }
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

    private void drain(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (measured.stream().allMatch(s -> s.delivery().settled(followReplies))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /** The phase's figures; ack latencies are the interactions' only (a typed message has no acknowledgement). */
    private PhaseResult result(String phase, double rate, Duration window, long idleSlots, long maxLag,
                               ResourceUse.Spent spent) {
        Latencies ack = new Latencies();
        Latencies reply = new Latencies();
        long sent = 0;
        long acknowledged = 0;
        long completed = 0;
        long refused = 0;
        long missing = 0;
        for (Sent s : measured) {
            Delivery d = s.delivery();
            sent++;
            acknowledged += d.acknowledged() ? 1 : 0;
            if (!d.accepted()) {
                refused++;
                continue;
            }
            if (s.command()) {
                ack.add(d.ackLatency());
            }
            if (!followReplies) {
                completed++;
            } else if (d.replied()) {
                reply.add(d.replyLatency());
                completed++;
            } else {
                missing++;
            }
        }
        Map<String, Long> byRoute = new TreeMap<>();
        callsByRoute.forEach((r, count) -> byRoute.put(r, count.sum()));
        PhaseResult.Calls calls = new PhaseResult.Calls(byRoute.values().stream().mapToLong(Long::longValue).sum(),
                byRoute, answersSent.sum(), commandsSent.sum());
        return new PhaseResult(target.name(), phase, rate, people.size(), window.toNanos() / 1e9, sent, acknowledged,
                completed, refused, missing, stalls.sum(), idleSlots, maxLag / 1e6, ack, reply, spent, calls);
    }

    /** Event-to-reply latencies of the measured typed answers alone (the slash commands' are in the phase's too). */
    Latencies answerReplies() {
        return replies(false);
    }

    /** From a measured {@code /coach mock} to the first message in the thread the coach opened for it. */
    Latencies openings() {
        return openings;
    }

    private Latencies replies(boolean commands) {
        Latencies out = new Latencies();
        for (Sent s : measured) {
            if (s.command() == commands && s.delivery().accepted() && s.delivery().replied()) {
                out.add(s.delivery().replyLatency());
            }
        }
        return out;
    }
}
