package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.command.CommandGrammar;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.chat.ChatJson;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.RateLimited;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.store.Outbox;
import dev.interviewcoach.text.TextAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.observe.MeteredChatPort;

/**
 * Routes every inbound event to the feature that owns it: commands by their first word,
 * messages and their edits to the conversation that holds them, buttons and forms by their action id. A repeated
 * delivery is dropped; events of one conversation are applied in order.
 */
public final class CoachEngine {

    private static final Logger log = LoggerFactory.getLogger(CoachEngine.class);

    /** The MDC key that holds the id of the inbound event being handled. */
    public static final String EVENT_ID = "event";

    private final CommandGrammar grammar;
    private final Map<String, CommandHandler> commandHandlers = new LinkedHashMap<>();
    private final List<MessageHandler> messageHandlers;
    private final Map<String, ActionHandler> actionHandlers = new LinkedHashMap<>();
    private final List<HomeHandler> homeHandlers;
    private final List<EditHandler> editHandlers;
    private final List<DeletionHandler> deletionHandlers;
    private final List<Scheduled.Job> jobs;
    private final AtomicReference<Instant> lastForgotten = new AtomicReference<>(Instant.EPOCH);
    private final Inbox inbox;
    private final Outbox outbox;
    private final ChatJson json = new ChatJson();
    private final Delivery delivery;
    private final ConversationLocks locks = new ConversationLocks();
    private final CoachMetrics metrics;
    private final ConversationGuard guard;
    private final Lanes deliveries;
    /** Replies handed to the delivery lanes and not yet taken up by one. */
    private final Set<OutboxPort.Written> handedOver = ConcurrentHashMap.newKeySet();
    /** Lanes of waiting replies a background pass handed to the delivery lanes, until they are done there. */
    private final Set<String> dueInHand = ConcurrentHashMap.newKeySet();
    /** Set at a stop, once the delivery lanes are closed: no lane is looked at again after that. */
    private volatile boolean stopping;
    /**
     * Events this process received and has not finished: queued in a lane or waiting for one. The
     * background pass leaves them to their lane (it would take them out of their conversation's
     * order); after a stop they are no longer here, and it takes them. The value is true for an
     * event received here whose first start was counted when it was recorded and has not run yet:
     * its lane knows it pending and starts it without looking or writing.
     */
    private final Map<String, Boolean> inHand = new ConcurrentHashMap<>();

    /** Holds a conversation across every instance while one of its events is handled. */
    @FunctionalInterface
    public interface ConversationGuard {
        void exclusively(String conversationKey, Runnable work);

        /** One process only: the in-process order is enough. */
        static ConversationGuard inProcess() {
            return (key, work) -> work.run();
        }

        /**
         * A lock every instance honours (PostgreSQL's advisory locks), taken inside the conversation's in-process
         * lock.
         */
        static ConversationGuard everyInstance(ConversationGuard lock) {
            return lock;
        }
    }

    /**
     * The engine over the coach's features, each listed once: it finds what each one does by the
     * capability interfaces it implements. Messages are offered to message handlers in list order.
     */
    public CoachEngine(List<? extends Feature> features, Inbox processed, CoachMetrics metrics,
                       ConversationGuard guard) {
        this(features, processed, metrics, guard, Lanes.callerRuns());
    }

    /**
     * As above; an event's replies are sent on {@code deliveries}, keyed by the place they go to, so
     * the lane that handled the event goes on to the next one while the platform takes its time (a
     * Slack or Discord call takes 100-300 ms). Replies into one place keep their order there. When
     * {@code deliveries} has no room, the event's own lane sends them.
     */
    public CoachEngine(List<? extends Feature> features, Inbox processed, CoachMetrics metrics,
                       ConversationGuard guard, Lanes deliveries) {
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.guard = guard;
        List<CommandSpec> specs = new ArrayList<>();
        List<MessageHandler> messages = new ArrayList<>();
        List<HomeHandler> homes = new ArrayList<>();
        List<EditHandler> edits = new ArrayList<>();
        List<DeletionHandler> deletions = new ArrayList<>();
        List<Scheduled.Job> scheduled = new ArrayList<>();
        for (Feature feature : features) {
            if (feature instanceof CommandHandler handler) {
                for (CommandSpec spec : handler.commands()) {
                    specs.add(spec);
                    commandHandlers.put(spec.name(), handler);
                }
            }
            if (feature instanceof MessageHandler handler) {
                messages.add(handler);
            }
            if (feature instanceof ActionHandler handler && actionHandlers.putIfAbsent(handler.feature(), handler) != null) {
                throw new IllegalArgumentException("two features handle the buttons of '" + handler.feature() + "'");
            }
            if (feature instanceof HomeHandler handler) {
                homes.add(handler);
            }
            if (feature instanceof EditHandler handler) {
                edits.add(handler);
            }
            if (feature instanceof DeletionHandler handler) {
                deletions.add(handler);
            }
            if (feature instanceof Scheduled routine) {
                scheduled.addAll(routine.jobs());
            }
        }
        this.grammar = new CommandGrammar(specs);
        this.messageHandlers = List.copyOf(messages);
        this.homeHandlers = List.copyOf(homes);
        this.editHandlers = List.copyOf(edits);
        this.deletionHandlers = List.copyOf(deletions);
        this.inbox = processed;
        this.outbox = processed.outbox();
        this.delivery = new Delivery(outbox, json, processed.clock());
        scheduled.add(new Scheduled.Job("forget-handled-events", Duration.ofHours(1), this::forgetHandledEvents));
        if (scheduled.stream().map(Scheduled.Job::name).distinct().count() < scheduled.size()) {
            throw new IllegalArgumentException("two scheduled jobs have the same name: " + scheduled);
        }
        this.jobs = List.copyOf(scheduled);
    }

    /**
     * Forgets events handled a week ago, at most once an hour whoever calls: the console and the
     * tests run every job on each step of their clock.
     */
    private void forgetHandledEvents(Instant now, ChatPorts ports) {
        Instant last = lastForgotten.get();
        if (now.isAfter(last.plus(Duration.ofHours(1))) && lastForgotten.compareAndSet(last, now)) {
            inbox.forgetOlderThan(Duration.ofDays(7));
        }
    }

    /** Every command, as data: for platform forms (Discord's {@code /coach}) and for help. */
    public CommandGrammar grammar() {
        return grammar;
    }

    /** The features' scheduled work, and the engine's own (forgetting handled events after a week). */
    public List<Scheduled.Job> jobs() {
        return jobs;
    }

    /** Handles one event to the end, replies included; never throws for a person's mistake. */
    public void handle(Inbound inbound, ChatPort port) {
        // A short id in the MDC ties together every log line this event causes, the adapter's
        // reply calls included (they run on this thread); the debug line maps it to the platform's
        // id. It only labels log lines, so it needs no injected seed.
        String outer = MDC.get(EVENT_ID);
        MDC.put(EVENT_ID, HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        try {
            log.debug("handling {} {} in {}", kind(inbound), inbound.eventId(), inbound.place().key());
            dispatch(inbound, port);
        } finally {
            inHand.remove(inbound.eventId());
            if (outer == null) {
                MDC.remove(EVENT_ID);
            } else {
                MDC.put(EVENT_ID, outer);
            }
        }
    }

    /**
     * Records an event durably before the platform is told it arrived; false for a repeat
     * delivery, which must not be handled again. Throws when the record cannot be written: the
     * platform must then not be told it arrived, so that it delivers the event again.
     */
    public boolean receive(Inbound inbound) {
        if (inbox.recordStarted(inbound) != Inbox.State.NEW) {
            return false;
        }
        inHand.put(inbound.eventId(), Boolean.TRUE);
        return true;
    }

    /** Drops the record of an event received but not taken (the coach was too busy): its retry is new. */
    public void refuse(Inbound inbound) {
        inHand.remove(inbound.eventId());
        inbox.forget(inbound.eventId());
    }

    /** What an event holds in memory while it waits for a lane, in characters (its text). */
    public static int size(Inbound inbound) {
        return switch (inbound) {
            case Inbound.Command command -> command.text().length();
            case Inbound.Message message -> message.text().length();
            case Inbound.Edit edit -> edit.text().length();
            case Inbound.Deletion deletion -> 0;
            case Inbound.Submission submission -> submission.values().values().stream().mapToInt(String::length).sum();
            case Inbound.Action action -> 0;
            case Inbound.HomeOpened opened -> 0;
        };
    }

    private void dispatch(Inbound inbound, ChatPort platformPort) {
        // An event received here is known pending, its start counted when it was recorded. Others
        // (left by a stopped process, put aside for a rate limit) are looked at: that costs no write.
        // The console and the tests hand events straight in, and they are recorded here.
        boolean fresh = inHand.replace(inbound.eventId(), Boolean.TRUE, Boolean.FALSE);
        Inbox.State state = fresh ? Inbox.State.PENDING
                : inbox.state(inbound.eventId()).orElseGet(() -> inbox.record(inbound));
        if (state == Inbox.State.DONE) {
            log.debug("dropping repeated delivery {}", inbound.eventId());
            metrics.duplicateEvent(inbound.user().platform());
            return;
        }
        metrics.eventIn(inbound.user().platform(), kind(inbound));
        ChatPort port = new MeteredChatPort(platformPort, inbound.user().platform(), metrics);
        // In-process first, for every guard: a lock every instance honours may be one this instance's threads
        // share (PostgreSQL's session locks), which would let two of its threads in at once.
        locks.inOrder(conversationKey(inbound), () -> {
            guard.exclusively(conversationKey(inbound), () -> process(inbound, port, fresh));
            return null;
        });
    }

    /**
     * Handles an event in one transaction: the state it changes, the replies it causes (into the
     * outbox) and its mark as handled commit together; then its replies are delivered. A
     * {@code fresh} event's start was counted when it was recorded.
     */
    private void process(Inbound inbound, ChatPort port, boolean fresh) {
        switch (fresh ? Inbox.Start.GO : inbox.start(inbound.eventId())) {
            case HANDLED -> {
                return; // handled meanwhile, by another lane or instance
            }
            case GIVEN_UP -> {
                log.warn("giving up on {} {} in {}: it was started {} times and never finished", kind(inbound),
                        inbound.eventId(), inbound.place().key(), Inbox.MAX_ATTEMPTS);
                return;
            }
            case GO -> {
                // handled below
            }
        }
        OutboxPort.Written written = new OutboxPort.Written(inbox.clock().millis() + Delivery.CLAIM.toMillis());
        try {
            inbox.inTransaction(() -> {
                route(inbound, new OutboxPort(outbox, port, json, inbound.eventId(), inbound.user(), written,
                        call -> directCall(inbound, call)));
                // Marked handled last: its write is quick, and until then the work takes no write lock of its own.
                if (!inbox.take(inbound.eventId())) {
                    throw new HandledElsewhere();
                }
                return null;
            });
        } catch (HandledElsewhere elsewhere) {
            written.clear();
            log.debug("{} was handled elsewhere meanwhile; this run's work is undone", inbound.eventId());
            return;
        } catch (RateLimited limited) {
            // Something it had to do at once was rate-limited: nothing was kept, and the event waits
            // (recorded, pending) for the limit to pass, holding no lane or lock meanwhile.
            log.info("{} {} in {} waits {} s for a rate limit", kind(inbound), inbound.eventId(), inbound.place().key(),
                    limited.retryAfter().toSeconds());
            inbox.retryAfter(inbound.eventId(), limited.retryAfter());
            return;
        } catch (PlatformRefusal refusal) {
            log.info("platform refused work for {} in {}: {}", kind(inbound), inbound.place().key(), refusal.getMessage());
            tellInstead(inbound, refusal.getMessage(), port, written);
        } catch (RuntimeException e) {
            log.error("failed to handle {} {} in {}", kind(inbound), inbound.eventId(), inbound.place().key(), e);
            tellInstead(inbound, "Sorry, something went wrong on my side. Your progress is saved; please try again in a"
                    + " moment.", port, written);
        }
        if (written.rows.isEmpty()) {
            return;
        }
        String event = MDC.get(EVENT_ID);
        // Keyed by the place of the first reply: replies into one place are sent one after another, in order.
        String lane = written.lanes.iterator().next();
        CountDownLatch sent = new CountDownLatch(1);
        handedOver.add(written);
        Runnable send = () -> {
            try {
                if (handedOver.remove(written)) { // else let go at a stop, for whoever delivers next
                    send(written, port, event);
                }
            } finally {
                sent.countDown();
            }
        };
        if (!deliveries.submit(lane, 0, send)) {
            send.run(); // no room to hand them over: this lane sends them, and its next events wait
        }
        if (!port.repliesWithinEvent()) {
            return;
        }
        // A port that lives for this event alone (an interaction) must be done with before the event ends; its
        // replies still queue behind the place's earlier ones, so this lane waits for them to go, without keeping
        // its place for engine work from other events meanwhile.
        port.finishWaiting(() -> {
            try {
                sent.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // past the event's budget: its delivery lane still sends them
            }
        });
    }

    /**
     * Lets go of the replies handed to the delivery lanes that no lane has started sending: at a stop, once the
     * delivery lanes are closed, so that the background worker's last pass, or the next start, sends them at once
     * instead of after their claim runs out; no lane is looked at again after this. Returns how many events'
     * replies were let go.
     */
    public int releaseHandedOver() {
        stopping = true;
        int released = 0;
        for (OutboxPort.Written written : List.copyOf(handedOver)) {
            if (handedOver.remove(written)) {
                outbox.release(written.rows, written.claimUntil);
                released++;
            }
        }
        return released;
    }

    /** Sends what an event wrote to the outbox, its log lines labelled with the event's id. */
    private void send(OutboxPort.Written written, ChatPort port, String event) {
        String outer = MDC.get(EVENT_ID);
        if (event != null) {
            MDC.put(EVENT_ID, event);
        }
        try {
            if (!delivery.stillHeld(written)) {
                // Held past its claim (the deliveries were far behind) and partly taken by another deliverer:
                // each place's replies go the general way, claimed one by one.
                for (String lane : written.lanes) {
                    lookAgainIfHeld(lane, port, delivery.deliver(lane, port, Set.of(), Map.of()),
                            written.rowsByLane.get(lane).getLast(), 0);
                }
                return;
            }
            int sent = 0;
            Map<String, Delivery.Run> heldElsewhere = Map.of();
            for (String lane : written.lanes) {
                int own = delivery.deliverOwn(lane, written.rowsByLane.get(lane), port, written.content);
                sent += own;
                // With all of its own sent the lane is empty unless someone stopped behind them: looking costs a query
                if (own < written.rowsByLane.get(lane).size() || delivery.othersWaitIn(lane)) {
                    Delivery.Run run = delivery.deliver(lane, port, written.rows, written.content);
                    sent += run.sent();
                    if (run.heldElsewhere()) {
                        heldElsewhere = heldElsewhere.isEmpty() ? new LinkedHashMap<>() : heldElsewhere;
                        heldElsewhere.put(lane, run);
                    }
                }
            }
            if (sent < written.rows.size()) {
                // Some wait behind a rate limit or an earlier reply: whoever delivers that lane next takes them.
                outbox.release(written.rows);
            }
            heldElsewhere.forEach((lane, run) ->
                    lookAgainIfHeld(lane, port, run, written.rowsByLane.get(lane).getLast(), 0));
        } finally {
            if (outer == null) {
                MDC.remove(EVENT_ID);
            } else {
                MDC.put(EVENT_ID, outer);
            }
        }
    }

    /**
     * A lane whose replies stopped behind one another deliverer holds (on PostgreSQL, most often another instance
     * sending the reply before them) is looked at again soon, so they follow within moments of it rather than on the
     * background worker's next pass, which takes over after the last look: first when that reply is likely sent (its
     * claim's start plus a platform call's usual time), then 10, 20, 40 ... 320 ms after each look that finds it still
     * held, until the event's own replies there have gone (whoever sent them): a held reply behind them is another
     * event's, whose deliverer looks after it. A look runs on a virtual thread of its own, not queued behind the
     * delivery lane's other sends: the outbox's head and claims keep the lane's order whoever sends. An event's own
     * port ({@link ChatPort#repliesWithinEvent()}) is gone by then: the worker's pass sends those.
     */
    private void lookAgainIfHeld(String lane, ChatPort port, Delivery.Run run, long lastOwnRow, int looks) {
        if (!run.heldElsewhere() || run.heldRow() > lastOwnRow || looks >= LOOKS_AGAIN || port.repliesWithinEvent()
                || stopping) {
            return;
        }
        long after = looks == 0
                ? Math.clamp(run.likelyFreeAt() + LOOK_MARGIN_MILLIS - delivery.now(), FIRST_LOOK_AGAIN_MILLIS, 1_000)
                : FIRST_LOOK_AGAIN_MILLIS << (looks - 1);
        Runnable look = () -> {
            if (stopping) {
                return; // the delivery lanes are closed: the worker's last pass or the next start sends it
            }
            try {
                lookAgainIfHeld(lane, port, delivery.deliver(lane, port, Set.of(), Map.of()), lastOwnRow, looks + 1);
            } catch (RuntimeException e) {
                log.debug("could not look at lane {} again; the background pass will: {}", lane, e.toString());
            }
        };
        // The JDK's delay thread only hands the look over; it must not wait for the database or the platform.
        CompletableFuture.delayedExecutor(after, TimeUnit.MILLISECONDS,
                hop -> Thread.ofVirtual().name("coach-look-again").start(hop)).execute(look);
    }

    /** How many times a lane stopped behind another deliverer's reply is looked at again, and after how long at least. */
    static final int LOOKS_AGAIN = 7;
    static final long FIRST_LOOK_AGAIN_MILLIS = 10;
    /** After the time the reply ahead is likely sent: room for its deliverer to mark it so. */
    static final long LOOK_MARGIN_MILLIS = 5;

    /** Undoes a run whose event another worker finished first. */
    private static final class HandledElsewhere extends RuntimeException {
        HandledElsewhere() {
            super("handled elsewhere", null, false, false);
        }
    }

    /**
     * Before a call that goes straight to the platform from an event's work: one made after the work has begun
     * writing keeps its transaction open for a round trip to Slack or Discord, and on SQLite every writer of the
     * process waits that long. Counted, so such a flow shows; the stack at debug says which.
     */
    private void directCall(Inbound inbound, String call) {
        if (inbox.writing()) {
            metrics.platformCallWhileWriting(inbound.user().platform(), call);
            if (log.isDebugEnabled()) {
                log.debug("{} for {} {} waits on the platform inside its open transaction", call, kind(inbound),
                        inbound.eventId(), new Throwable("where"));
            }
        }
    }

    /** The event's work was undone: it is marked handled, and the person hears why instead. */
    private void tellInstead(Inbound inbound, String text, ChatPort port, OutboxPort.Written written) {
        written.clear();
        try {
            inbox.inTransaction(() -> {
                inbox.finish(inbound.eventId());
                new OutboxPort(outbox, port, json, inbound.eventId(), inbound.user(), written,
                        call -> directCall(inbound, call))
                        .post(inbound.place(), Reply.text(text).onlyTo(inbound.user()));
                return null;
            });
        } catch (RuntimeException again) {
            log.warn("could not tell {} about it either: {}", inbound.place().key(), again.toString());
        }
    }

    /** Where events left waiting are handed: their conversations' lanes; false when a lane has no room. */
    @FunctionalInterface
    public interface Lanes {
        boolean submit(String conversationKey, int size, Runnable work);

        /**
         * The port work run here should use to reach {@code platform}: lanes that bound how much
         * engine work runs at once let other work run while a call through it waits.
         */
        default ChatPort portFor(ChatPort platform) {
            return platform;
        }

        /** Each event at once, on the caller's thread. */
        static Lanes callerRuns() {
            return (key, size, work) -> {
                work.run();
                return true;
            };
        }
    }

    private static final int LEFT_PAGE = 100;

    /**
     * Handles events recorded at least {@code age} ago and not handled yet: left by a process that
     * stopped, or put aside for a rate limit. Returns how many were handled.
     */
    public int handleLeftEvents(ChatPorts ports, Duration age) {
        return handleLeftEvents(ports, age, Lanes.callerRuns(), Integer.MAX_VALUE);
    }

    /**
     * Hands events recorded at least {@code age} ago and not handled yet (left by a process that
     * stopped, or put aside for a rate limit) to their conversations' lanes, oldest first, until
     * none is left, {@code atMost} pending events were looked at, or a lane has no room; returns
     * how many were handed over. After a restart the whole backlog goes to the lanes at once, so it
     * is worked through on every lane, and an event that arrives meanwhile queues behind its
     * conversation's older ones instead of overtaking them.
     */
    public int handleLeftEvents(ChatPorts ports, Duration age, Lanes lanes, int atMost) {
        int taken = 0;
        int seen = 0;
        Inbox.Pending after = null;
        while (seen < atMost) {
            List<Inbox.Pending> page = inbox.pendingAfter(age, Math.min(LEFT_PAGE, atMost - seen), after);
            for (Inbox.Pending pending : page) {
                // An event in hand is queued or waiting for its lane here already: its content is not even read.
                if (inHand.containsKey(pending.eventId())) {
                    continue;
                }
                Optional<Inbound> event = inbox.event(pending.eventId());
                // An event of a server another instance runs (its Discord shard) is left to that instance.
                Optional<ChatPort> port = event.flatMap(e -> ports.reaching(e.place()));
                if (port.isEmpty() || inHand.putIfAbsent(pending.eventId(), Boolean.FALSE) != null) {
                    continue;
                }
                Inbound left = event.get();
                if (!lanes.submit(conversationKey(left), size(left), () -> handle(left, lanes.portFor(port.get())))) {
                    inHand.remove(left.eventId());
                    return taken; // no room now; the next pass goes on from here
                }
                taken++;
            }
            seen += page.size();
            if (page.size() < LEFT_PAGE) {
                break;
            }
            after = page.getLast();
        }
        return taken;
    }

    /** Delivers replies that are due and not held by anyone; returns how many went. */
    public int deliverDue(ChatPorts ports) {
        int sent = 0;
        for (Map.Entry<String, ChatPort> due : dueLanesReached(ports).entrySet()) {
            sent += delivery.deliver(due.getKey(), due.getValue());
        }
        return sent;
    }

    /** How many lanes of due replies one pass takes up at most. */
    private static final int DUE_LANES = 100;
    /** How many pages of due lanes a pass looks through for ones this process reaches. */
    private static final int DUE_PAGES = 10;

    /**
     * Lanes of due replies, oldest first, with the port to send them through, for the workspaces and servers this
     * process reaches. Those another instance runs (a Discord server on its shard) are passed over and left to it,
     * also when they are the oldest: a page of them must not keep this process from its own.
     */
    private Map<String, ChatPort> dueLanesReached(ChatPorts ports) {
        Map<String, ChatPort> reached = new LinkedHashMap<>();
        for (int page = 0; page < DUE_PAGES && reached.size() < DUE_LANES; page++) {
            List<String> lanes = outbox.dueLanes(DUE_LANES, page * DUE_LANES);
            for (String lane : lanes) {
                if (reached.size() < DUE_LANES) {
                    OutboxPort.reaching(ports, lane).ifPresent(port -> reached.put(lane, port));
                }
            }
            if (lanes.size() < DUE_LANES) {
                break;
            }
        }
        return reached;
    }

    /**
     * Hands the lanes of replies that are due and held by nobody to the delivery lanes, keyed by the lane, so that many
     * places' waiting replies go out side by side (when a rate limit or an outage passes, or at start) rather than one
     * place after another on the background thread; a lane still in hand from an earlier pass is left to it. With no
     * room on the delivery lanes a lane is sent here. Returns how many lanes were taken up.
     */
    public int handOverDue(ChatPorts ports) {
        int taken = 0;
        for (Map.Entry<String, ChatPort> due : dueLanesReached(ports).entrySet()) {
            String lane = due.getKey();
            if (!dueInHand.add(lane)) {
                continue;
            }
            Runnable send = () -> {
                try {
                    delivery.deliver(lane, due.getValue());
                } finally {
                    dueInHand.remove(lane);
                }
            };
            if (!deliveries.submit(lane, 0, send)) {
                send.run();
            }
            taken++;
        }
        return taken;
    }

    /** Events and replies still waiting: for readiness and metrics. */
    public int waiting() {
        return inbox.pendingCount() + outbox.pendingCount();
    }

    /** The key that orders one person's events in one place. */
    public static String conversationKey(Inbound inbound) {
        return inbound.place().key() + "/" + inbound.user().userId();
    }

    private void route(Inbound inbound, ChatPort port) {
        switch (inbound) {
            case Inbound.Command command -> command(command, port);
            case Inbound.Message message -> {
                List<String> meant = mistypedCommand(message);
                if (!meant.isEmpty()) {
                    port.post(message.place(), Reply.text("I don't know the command \"" + message.text().strip()
                            + "\". Did you mean " + String.join(" or ", meant.stream().map(m -> "\"" + m + "\"").toList())
                            + "? Your question is still open: answer it, or type the command again.")
                            .onlyTo(message.user()));
                    return;
                }
                if (typedCommand(message)) {
                    // "help" or "stats" typed in an interview or a question's thread is run, not judged as an
                    // answer; the conversation waits where it was.
                    command(new Inbound.Command(message.eventId(), message.user(), message.place(), message.text(),
                            message.receivedAt()), port);
                    return;
                }
                boolean taken = messageHandlers.stream().anyMatch(h -> h.onMessage(message, port));
                if (!taken && message.place().kind() == Place.Kind.DIRECT) {
                    // In a direct conversation with no interview running, a message is a command.
                    command(new Inbound.Command(message.eventId(), message.user(), message.place(), message.text(),
                            message.receivedAt()), port);
                }
            }
            // An edit nobody takes changes nothing: fixing a typo in a remark or a command needs no word from the coach.
            case Inbound.Edit edit -> editHandlers.stream().anyMatch(h -> h.onEdit(edit, port));
            case Inbound.Deletion deletion -> deletionHandlers.stream().anyMatch(h -> h.onDeletion(deletion, port));
            case Inbound.Action action -> actionHandler(action.action(), action.place(), action.user(), port)
                    .ifPresent(h -> h.onAction(action, port));
            case Inbound.Submission submission -> actionHandler(submission.action(), submission.place(),
                    submission.user(), port).ifPresent(h -> h.onSubmission(submission, port));
            case Inbound.HomeOpened opened -> homeHandlers.forEach(h -> h.onHomeOpened(opened, port));
        }
    }

    /**
     * Whether a line is one command word on its own ("stats", "history", "help"), which no answer starts with: a
     * terminal that gathers an answer up to an empty line can run it at once instead of waiting for one.
     */
    public boolean isCommandWord(String line) {
        String text = line.strip();
        if (text.isEmpty() || TextAnalyzer.splitAtSpaces(text).length != 1) {
            return false;
        }
        CommandGrammar.Parse parse = grammar.parse(text);
        return parse instanceof CommandGrammar.Parse.Parsed
                || (parse instanceof CommandGrammar.Parse.Help && text.toLowerCase(Locale.ROOT).matches("/?help\\??"));
    }

    /** The most words a message typed in a conversation may have and still be read as a command. */
    static final int MAX_TYPED_COMMAND_WORDS = 4;

    /**
     * Whether a message in a direct conversation or in one of the coach's threads is a whole command
     * (one line, a few words, every word understood), which a person means for the coach rather than
     * as an answer. A plain channel message is never one: people there are talking to each other.
     */
    private boolean typedCommand(Inbound.Message message) {
        String text = message.text().strip();
        if (message.place().kind() == Place.Kind.CHANNEL || text.isEmpty() || text.indexOf('\n') >= 0
                || TextAnalyzer.splitAtSpaces(text).length > MAX_TYPED_COMMAND_WORDS) {
            return false;
        }
        CommandGrammar.Parse parse = grammar.parse(text);
        // "help" alone; "help them first, then..." is the start of an answer.
        boolean help = parse instanceof CommandGrammar.Parse.Help && text.toLowerCase(Locale.ROOT).matches("/?help\\??");
        if (!help && !(parse instanceof CommandGrammar.Parse.Parsed)) {
            return false;
        }
        return message.place().kind() == Place.Kind.DIRECT
                || messageHandlers.stream().anyMatch(h -> h.holdsConversation(message));
    }

    /**
     * The commands a message in someone's mock interview may have meant when it is one word that is a command with two
     * letters swapped ("hlep", "stast", "histroy"): it is answered with them, and the question stays open, rather than
     * scored 1/5 as an answer and kept in the person's progress. Only swaps count (see
     * {@link CommandGrammar#swappedCommands}), so a one-word answer such as "mutex" or "heap" is still an answer.
     */
    private List<String> mistypedCommand(Inbound.Message message) {
        String text = message.text().strip();
        if (text.isEmpty() || TextAnalyzer.splitAtSpaces(text).length != 1
                || !(grammar.parse(text) instanceof CommandGrammar.Parse.Unknown)) {
            return List.of();
        }
        List<String> meant = swapped(text);
        if (meant.isEmpty() || messageHandlers.stream().noneMatch(h -> h.interviewing(message))) {
            return List.of();
        }
        return meant;
    }

    /**
     * The commands, and the features' moves ("sikp" for skip: a slip no question should be spent on either), that
     * {@code word} is with two neighbouring letters swapped.
     */
    private List<String> swapped(String word) {
        List<String> meant = new ArrayList<>(grammar.swappedCommands(word));
        String lower = word.toLowerCase(Locale.ROOT);
        messageHandlers.stream().flatMap(h -> h.moveWords().stream()).distinct()
                .filter(move -> !meant.contains(move) && CommandGrammar.oneSwapApart(lower, move))
                .forEach(meant::add);
        return meant;
    }

    /**
     * Whether a line is one word that is a command or a move with two letters swapped: a terminal gathering an answer
     * up to an empty line hands it in at once, as it does a command word, to be told what it is near.
     */
    public boolean isSwappedCommandWord(String line) {
        String text = line.strip();
        return !text.isEmpty() && TextAnalyzer.splitAtSpaces(text).length == 1
                && grammar.parse(text) instanceof CommandGrammar.Parse.Unknown && !swapped(text).isEmpty();
    }

    private Optional<ActionHandler> actionHandler(ActionId action, Place place, UserRef user,
                                                  ChatPort port) {
        ActionHandler handler = actionHandlers.get(action.feature());
        if (handler == null) {
            port.post(place, Reply.text("That button is no longer in use.").onlyTo(user));
        }
        return Optional.ofNullable(handler);
    }

    /** Longer than any command; a longer text is refused before anything splits or scans it. */
    static final int MAX_COMMAND_CHARS = 1_000;

    private void command(Inbound.Command command, ChatPort port) {
        if (command.text().length() > MAX_COMMAND_CHARS) {
            if (command.place().kind() != Place.Kind.CHANNEL && tookAsMessage(command, port)) {
                return;
            }
            port.post(command.place(), Reply.text("That is too long for a command (" + command.text().length()
                    + " characters). Commands are a few words, for example: mock python-developer 5. To answer a"
                    + " question, start an interview first with: mock").onlyTo(command.user()));
            return;
        }
        switch (grammar.parse(command.text())) {
            case CommandGrammar.Parse.Help help -> port.post(command.place(),
                    help.about().map(CoachEngine::helpFor).orElseGet(this::help).onlyTo(command.user()));
            case CommandGrammar.Parse.Unknown unknown -> {
                if (command.place().kind() == Place.Kind.CHANNEL || !tookAsMessage(command, port)) {
                    port.post(command.place(), greeting(command.text()).orElseGet(() -> unknown(unknown, command.text()))
                            .onlyTo(command.user()));
                }
            }
            case CommandGrammar.Parse.Invalid invalid -> {
                // "@coach review the logs first, then..." in an interview thread is an answer, not a bad command.
                if (command.place().kind() == Place.Kind.CHANNEL || !tookAsMessage(command, port)) {
                    port.post(command.place(), Reply.text(invalid.message()).onlyTo(command.user()));
                }
            }
            case CommandGrammar.Parse.Parsed parsed ->
                    commandHandlers.get(parsed.top().name()).handle(command, parsed.input(), port);
        }
    }

    /**
     * A mention of the bot in a thread or DM that holds a conversation ("@coach I'd use a B-tree
     * because...") is a reply to it, not a mistyped command: true when a conversation took it.
     */
    private boolean tookAsMessage(Inbound.Command command, ChatPort port) {
        Inbound.Message asMessage = new Inbound.Message(command.eventId(), command.user(), command.place(),
                command.text(), command.receivedAt());
        return messageHandlers.stream().anyMatch(h -> h.onMessage(asMessage, port));
    }

    /** The list of commands with how to call each, made from the commands' own specs. */
    public Reply help() {
        List<RichText> items = new ArrayList<>();
        for (CommandSpec spec : grammar.commands()) {
            if (spec.isGroup()) {
                // a group's options would make one line of twelve commands: their names, and where the rest is
                items.add(RichText.builder().code(spec.name() + " " + String.join(" | ",
                                spec.subcommands().stream().map(CommandSpec::name).toList()))
                        .plain("  " + spec.summary() + " (").code("help " + spec.name()).plain(": each in full)").build());
            } else {
                items.add(RichText.builder().code(spec.usage()).plain("  " + spec.summary()).build());
            }
        }
        items.add(RichText.builder().code("help [command]").plain("  this list, or one command in full (help daily)")
                .build());
        return Reply.builder("Commands: " + String.join(", ", grammar.commands().stream().map(CommandSpec::usage).toList())
                        + ", help (help [command]: one command in full)")
                .heading("Interview Coach")
                .text("Practise interview questions and get feedback on every answer.")
                .text(new RichText(List.of(new RichText.Bullets(items))))
                .build();
    }

    /** One command's help: how to call it, and for a group each of its commands on a line of its own. */
    static Reply helpFor(CommandSpec spec) {
        Reply.Builder reply = Reply.builder(spec.name() + ": " + spec.summary() + ". " + spec.usage())
                .heading(spec.name()).text(spec.summary().substring(0, 1).toUpperCase(Locale.ROOT)
                        + spec.summary().substring(1) + ".");
        if (spec.isGroup()) {
            List<RichText> items = new ArrayList<>();
            for (CommandSpec sub : spec.subcommands()) {
                items.add(RichText.builder().code(spec.name() + " " + sub.usage()).plain("  " + sub.summary()).build());
            }
            reply.text(new RichText(List.of(new RichText.Bullets(items))));
            reply.text(RichText.builder().plain(spec.name() + " alone means ").code(spec.name() + " " + spec.otherwise())
                    .plain(".").build());
        } else {
            reply.text(RichText.builder().code(spec.usage()).build());
        }
        return reply.build();
    }

    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hiya", "good morning", "good afternoon",
            "good evening", "yo", "hi there", "hello there", "hey there");
    private static final Set<String> THANKS = Set.of("thanks", "thank you", "thanks a lot", "thank you so much", "thx",
            "ty", "cheers", "great thanks", "ok thanks");
    /** What people type after a scorecard to say they have read it: "ok" is no mistyped "mock". */
    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("ok", "okay", "k", "kk", "cool", "got it", "great", "nice",
            "awesome", "perfect", "makes sense", "sure", "will do", "noted", "understood", "alright", "all right");
    private static final Set<String> GOODBYES = Set.of("bye", "goodbye", "bye bye", "see you", "see ya", "later",
            "good night", "night");
    /** A yes or no typed where a message asked for a choice: the choices are buttons, or the words shown with them. */
    private static final Set<String> YES_OR_NO = Set.of("yes", "y", "yeah", "yep", "yup", "confirm", "no", "n", "nope",
            "nah", "cancel");

    /**
     * A greeting, thanks, "ok" or goodbye typed to the coach gets a friendly word and what to type, not "I don't know
     * the command".
     */
    private static Optional<Reply> greeting(String text) {
        String plain = TextAnalyzer.plainWords(text);
        if (GREETINGS.contains(plain)) {
            return Optional.of(Reply.text("Hi! I coach people for job interviews. Type mock to start a mock interview,"
                    + " ask and a topic for one question (ask caching), or help for everything I can do."));
        }
        if (THANKS.contains(plain)) {
            return Optional.of(Reply.text("You're welcome! Type mock to practise again, or help to see what else I do."));
        }
        if (ACKNOWLEDGEMENTS.contains(plain)) {
            return Optional.of(Reply.text("Type mock when you want to practise again, or help to see what else I do."));
        }
        if (GOODBYES.contains(plain)) {
            return Optional.of(Reply.text("Good luck with your interviews! Type mock any time to practise."));
        }
        if (YES_OR_NO.contains(plain)) {
            // Never taken as a confirmation: a stray "yes" must not delete someone's data.
            return Optional.of(Reply.text("If you are answering one of my questions, press its button, or type the words"
                    + " shown with it (for example forget-me confirm). Otherwise type help to see what I can do."));
        }
        return Optional.empty();
    }

    private static Reply unknown(CommandGrammar.Parse.Unknown unknown, String typed) {
        String plain = TextAnalyzer.singleSpaced(typed.strip());
        if (unknown.closest().isEmpty() && plain.split(" ").length >= 3) {
            // a sentence, not a mistyped command word: quoting its first word ("i", "can") would say nothing
            String shown = plain.length() > 60 ? plain.substring(0, 60) + "..." : plain;
            return Reply.text("I didn't find a command in \"" + shown + "\". Type mock to start a mock interview, ask and"
                    + " a topic for one question (ask caching), or help to see what I can do.");
        }
        String shown = unknown.word().length() > 40 ? unknown.word().substring(0, 40) + "..." : unknown.word();
        return Reply.text("I don't know the command \"" + shown + "\"."
                + unknown.closest().map(c -> " Did you mean \"" + c + "\"?").orElse("")
                + " Type help to see what I can do.");
    }

    private static String kind(Inbound inbound) {
        return inbound.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
