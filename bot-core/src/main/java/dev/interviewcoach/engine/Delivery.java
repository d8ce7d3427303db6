package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatJson;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.PlatformUnavailable;
import dev.interviewcoach.chat.RateLimited;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.store.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the outbox: a lane's replies one after another, oldest first. A rate limit puts the lane
 * aside until it passes (nobody else's lane waits); a failure is tried again with growing pauses
 * and given up after {@link #GIVE_UP}, when the person is told plainly.
 */
public final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /**
     * How long a deliverer holds a reply before another may take it (it died, or hangs): longer
     * than one platform call takes, short enough that a reply held by a killed process goes out
     * soon after the next start.
     */
    static final Duration CLAIM = Duration.ofSeconds(15);
    /** Less than this left of an event's claim on its replies when their sending starts, and it is renewed first. */
    static final Duration CLAIM_LEFT_TO_SEND = CLAIM.dividedBy(2);
    /** How long a reply is tried before the person is told it could not be delivered. */
    static final Duration GIVE_UP = Duration.ofMinutes(10);
    /**
     * As {@link #GIVE_UP}, while the platform itself is down: Slack's and Discord's outages last minutes to an hour,
     * and feedback that comes late after one is worth more than a note, sent into the same outage, that it is lost.
     */
    static final Duration GIVE_UP_WHILE_UNAVAILABLE = Duration.ofHours(2);

    static final String GAVE_UP = "I could not get a reply through to you here (the platform kept refusing it),"
            + " so part of what I said is missing. Your progress is saved: type repeat to see the current question again,"
            + " or stats for your results.";

    private final Outbox outbox;
    private final ChatJson json;
    private final Clock clock;
    /**
     * Lanes where a deliverer of this process stopped at a reply another one held: whoever sends that reply goes on
     * with the lane at once, so what queued behind it does not wait for the next pass.
     */
    private final Set<String> waitingBehindAClaim = ConcurrentHashMap.newKeySet();
    /** How long a platform call that went through took lately, in ms: when a reply another deliverer holds is likely sent. */
    private volatile long typicalCallMillis;

    Delivery(Outbox outbox, ChatJson json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** The clock's millis, as claims count them. */
    long now() {
        return clock.millis();
    }

    /**
     * Whether a deliverer of this process stopped in the lane behind a reply it could not take since this was last
     * asked: then the lane has more to send after an event's own replies. Another instance's replies that stopped so
     * go on the next pass of the delivery worker.
     */
    boolean othersWaitIn(String lane) {
        return waitingBehindAClaim.remove(lane);
    }

    /**
     * Whether the rows an event wrote are still its own to send, with time to send them: a claim that
     * runs short (they waited long for a delivery lane) is renewed first. False when the claim ran out
     * and another deliverer took some of them meanwhile; then the rest are let go too, for the general
     * way to claim one by one.
     */
    boolean stillHeld(OutboxPort.Written written) {
        long now = clock.millis();
        if (written.claimUntil - now >= CLAIM_LEFT_TO_SEND.toMillis()) {
            return true;
        }
        long renewed = now + CLAIM.toMillis();
        if (outbox.renewClaims(written.rows, written.claimUntil, renewed) == written.rows.size()) {
            written.claimUntil = renewed;
            return true;
        }
        log.info("replies of an event waited past their claim and were partly taken by another deliverer");
        outbox.release(written.rows, renewed);
        return false;
    }

    /**
     * Delivers what a lane holds that may go now, through {@code port}; returns how many went.
     * Stops at a reply that must wait, or that another deliverer holds.
     */
    public int deliver(String lane, ChatPort port) {
        return deliver(lane, port, Set.of(), Map.of()).sent();
    }

    /**
     * What a run over a lane came to: how many replies went, and whether it stopped at one another deliverer holds;
     * then {@code heldRow} is that reply's row and {@code likelyFreeAt} when it is likely sent, by the clock's millis
     * (0: not known).
     */
    record Run(int sent, boolean heldElsewhere, long heldRow, long likelyFreeAt) {

        Run(int sent) {
            this(sent, false, 0, 0);
        }
    }

    /**
     * Sends the rows an event just wrote to a lane, from memory, when they are at the head of it;
     * marks them sent together (one commit for all). Returns how many went; the caller goes on
     * with {@link #deliver(String, ChatPort)} for what is left. A row that fails stops the run and
     * is handled as there.
     */
    int deliverOwn(String lane, List<Long> rows, ChatPort port, Map<Long, Object> written) {
        Optional<Outbox.Entry> head = outbox.head(lane);
        if (rows.isEmpty() || head.isEmpty() || head.get().id() != rows.getFirst() || head.get().notBefore() > clock.millis()) {
            return 0; // something older waits in this lane: the general way keeps the order
        }
        Map<Long, String> sentIds = new LinkedHashMap<>();
        Outbox.Entry entry = head.get();
        try {
            for (long row : rows) {
                entry = row == head.get().id() ? head.get() : new Outbox.Entry(row, lane, head.get().platform(),
                        head.get().eventId(), head.get().user(), opOf(written.get(row)), null, 0, 0, head.get().createdAt(),
                        head.get().claimedUntil());
                sentIds.put(row, send(entry, written.get(row), port, sentIds));
            }
        } catch (RuntimeException e) {
            outbox.sentAll(sentIds);
            Outbox.Entry failed = entry.payload() == null ? outbox.head(lane).orElse(entry) : entry;
            handleFailure(lane, failed, e, port);
            return sentIds.size();
        }
        outbox.sentAll(sentIds);
        return sentIds.size();
    }

    private static Outbox.Op opOf(Object content) {
        return switch (content) {
            case OutboxPort.Post p -> Outbox.Op.POST;
            case OutboxPort.Update u -> Outbox.Op.UPDATE;
            case OutboxPort.Mark m -> Outbox.Op.MARK_RECEIVED;
            case OutboxPort.Home h -> Outbox.Op.PUBLISH_HOME;
            case OutboxPort.File f -> Outbox.Op.POST_FILE;
            default -> throw new IllegalArgumentException("not outbox content: " + content);
        };
    }

    /** What a failed send leads to: a wait, a plain word to the person, or another try later. */
    private void handleFailure(String lane, Outbox.Entry entry, RuntimeException e, ChatPort port) {
        long now = clock.millis();
        switch (e) {
            case RateLimited limited -> {
                log.info("reply {} in lane {} waits {} s for a rate limit", entry.id(), lane, limited.retryAfter().toSeconds());
                outbox.deferred(entry.id(), now + limited.retryAfter().toMillis(), limited.getMessage());
            }
            case PlatformRefusal refusal -> {
                log.info("reply {} in lane {} refused: {}", entry.id(), lane, refusal.getMessage());
                outbox.failed(entry.id(), refusal.getMessage());
                tell(entry, refusal.getMessage(), port);
            }
            default -> {
                long pause = Math.min(60_000L, 1_000L << Math.min(6, entry.attempts()));
                log.info("reply {} in lane {} failed ({}); trying again in {} ms", entry.id(), lane, e.toString(), pause);
                outbox.deferred(entry.id(), now + pause, e.toString());
            }
        }
    }

    /**
     * As {@link #deliver(String, ChatPort)}; rows in {@code claimedHere} were claimed when written,
     * by this caller, which still holds their content in {@code written}.
     */
    Run deliver(String lane, ChatPort port, Set<Long> claimedHere, Map<Long, Object> written) {
        int sent = 0;
        while (true) {
            Optional<Outbox.Entry> head = outbox.head(lane);
            long now = clock.millis();
            if (head.isEmpty()) {
                waitingBehindAClaim.remove(lane); // nothing waits in it any more
                return new Run(sent);
            }
            if (head.get().notBefore() > now) {
                return new Run(sent);
            }
            Outbox.Entry entry = head.get();
            // A claim seen running needs no attempt to take it (on PostgreSQL, another instance sending it meanwhile)
            if (!claimedHere.contains(entry.id())
                    && (entry.claimedUntil() >= now || !outbox.claim(entry.id(), now + CLAIM.toMillis()))) {
                waitingBehindAClaim.add(lane);
                // Its holder took it at most a claim's length ago and started sending then or later.
                long claimedAt = entry.claimedUntil() - CLAIM.toMillis();
                return new Run(sent, true, entry.id(), entry.claimedUntil() >= now ? claimedAt + typicalCallMillis : 0);
            }
            try {
                outbox.sent(entry.id(), send(entry, written.get(entry.id()), port, Map.of()));
                sent++;
            } catch (RuntimeException e) {
                boolean worthRetrying = !(e instanceof RateLimited) && !(e instanceof PlatformRefusal);
                Duration tried = e instanceof PlatformUnavailable ? GIVE_UP_WHILE_UNAVAILABLE : GIVE_UP;
                if (worthRetrying && now - entry.createdAt() >= tried.toMillis()) {
                    log.warn("reply {} in lane {} given up after {} attempts: {}", entry.id(), lane, entry.attempts() + 1,
                            e.toString());
                    outbox.failed(entry.id(), e.toString());
                    tell(entry, GAVE_UP, port);
                    continue;
                }
                handleFailure(lane, entry, e, port);
                if (e instanceof PlatformRefusal) {
                    continue; // nothing to wait for: the lane goes on
                }
                return new Run(sent);
            }
        }
    }

    /** The row's content: as written, when the caller still holds it; else read from the row. */
    private <T> T content(Outbox.Entry entry, Object held, Class<T> type) {
        return type.isInstance(held) ? type.cast(held) : json.read(entry.payload(), type);
    }

    /** Sends one row; {@code justSent}: rows sent in this run and not yet marked, by the platform's id. */
    private String send(Outbox.Entry entry, Object held, ChatPort port, Map<Long, String> justSent) {
        long start = System.nanoTime();
        String sent = sendNow(entry, held, port, justSent);
        // A rough running mean (racy updates lose a sample now and then, which an estimate can bear)
        long took = (System.nanoTime() - start) / 1_000_000;
        typicalCallMillis += (took - typicalCallMillis) / 8;
        return sent;
    }

    private String sendNow(Outbox.Entry entry, Object held, ChatPort port, Map<Long, String> justSent) {
        return switch (entry.op()) {
            case POST -> {
                OutboxPort.Post post = content(entry, held, OutboxPort.Post.class);
                yield port.post(post.place(), post.reply()).messageId();
            }
            case UPDATE -> {
                OutboxPort.Update update = content(entry, held, OutboxPort.Update.class);
                Optional<MessageRef> target = resolve(update.message(), justSent);
                target.ifPresent(message -> port.update(message, update.reply()));
                yield null;
            }
            case MARK_RECEIVED -> {
                OutboxPort.Mark mark = content(entry, held, OutboxPort.Mark.class);
                resolve(mark.message(), justSent).ifPresent(port::markReceived);
                yield null;
            }
            case PUBLISH_HOME -> {
                OutboxPort.Home home = content(entry, held, OutboxPort.Home.class);
                port.publishHome(home.user(), home.home());
                yield null;
            }
            case POST_FILE -> {
                OutboxPort.File file = content(entry, held, OutboxPort.File.class);
                port.postFile(file.place(), file.message(), file.fileName(), file.content());
                yield null;
            }
        };
    }

    /** A message by the platform's id; empty when it was posted through the outbox and never went out. */
    private Optional<MessageRef> resolve(MessageRef message, Map<Long, String> justSent) {
        if (!message.messageId().startsWith(OutboxPort.PROVISIONAL)) {
            return Optional.of(message);
        }
        long row = Long.parseLong(message.messageId().substring(OutboxPort.PROVISIONAL.length()));
        Optional<String> delivered = justSent.containsKey(row) ? Optional.ofNullable(justSent.get(row))
                : outbox.deliveredId(row);
        return delivered.filter(id -> !id.isEmpty()).map(id -> new MessageRef(message.place(), id));
    }

    /** Tells the person who caused a reply that it failed; once, straight to the platform, never fatal. */
    private void tell(Outbox.Entry entry, String text, ChatPort port) {
        if (entry.user() == null || (entry.op() != Outbox.Op.POST && entry.op() != Outbox.Op.POST_FILE)) {
            return; // an edit, a reaction or a home page that failed is cosmetic: nobody is waiting for it
        }
        try {
            // a file (an export, a chart) was asked for too: "That file is larger than Discord lets me send here."
            Place place = entry.op() == Outbox.Op.POST ? json.read(entry.payload(), OutboxPort.Post.class).place()
                    : json.read(entry.payload(), OutboxPort.File.class).place();
            port.post(place, Reply.text(text).onlyTo(entry.user()));
        } catch (RuntimeException e) {
            log.warn("could not tell the person about reply {} either: {}", entry.id(), e.toString());
        }
    }
}
