package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ChatJson;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.store.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event that sends its own replies goes on with its lane only when a reply queued behind them: in the usual case
 * (nothing behind) that saves a query per event; when another event stopped behind them, its reply still goes at once.
 */
class LaneHandOffTest {

    @TempDir
    Path dir;

    private final Place channel = Place.channel(Platform.SLACK, "T1", "C1");
    private final UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
    private final ChatJson json = new ChatJson();
    private Database db;
    private Outbox outbox;
    private Delivery delivery;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        outbox = new Inbox(db.jdbi(), Clock.systemUTC()).outbox();
        delivery = new Delivery(outbox, json, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long write(String text, Long claimedUntil) {
        return outbox.add(OutboxPort.lane(channel), Platform.SLACK, "E-" + text, ana, Outbox.Op.POST,
                json.write(new OutboxPort.Post(channel, Reply.text(text))), claimedUntil);
    }

    @Test
    void aDelivererThatStopsBehindAHeldReplyIsNoticedOnceAndTheReplyBehindGoesOut() {
        String lane = OutboxPort.lane(channel);
        long held = write("first, held by the event that wrote it", System.currentTimeMillis() + 60_000);
        write("second, written by another event", null);
        RecordingChatPort port = new RecordingChatPort();

        assertThat(delivery.deliver(lane, port)).as("the second waits behind the held first").isZero();
        assertThat(delivery.othersWaitIn(lane)).as("the holder learns someone waits behind it").isTrue();
        assertThat(delivery.othersWaitIn(lane)).as("and only once").isFalse();

        // the holder sends its own, then goes on with the lane because someone waited
        assertThat(delivery.deliverOwn(lane, List.of(held), port, Map.of())).isEqualTo(1);
        assertThat(delivery.deliver(lane, port, Set.of(held), Map.of()).sent()).isEqualTo(1);
        assertThat(port.posted).extracting(RecordingChatPort.Posted::text)
                .containsExactly("first, held by the event that wrote it", "second, written by another event");
    }

    @Test
    void nothingWaitsInALaneThatWasEmptied() {
        String lane = OutboxPort.lane(channel);
        long held = write("held", System.currentTimeMillis() + 60_000);
        RecordingChatPort port = new RecordingChatPort();
        delivery.deliver(lane, port);
        outbox.sent(held, "ts-1");
        assertThat(delivery.deliver(lane, port)).isZero();
        assertThat(delivery.othersWaitIn(lane)).as("the mark goes when the lane is found empty").isFalse();
    }
}
