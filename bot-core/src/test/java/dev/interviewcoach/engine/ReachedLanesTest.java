package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.MovingClock;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformUnavailable;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies that waited out the platform's trouble go out from a process that reaches their workspace or server, and
 * are left alone by one that does not (another instance runs that Discord server's shard): also when a page of
 * another server's lanes comes first, and for a person's home page, whose lane is named after the person.
 */
class ReachedLanesTest {

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private Database db;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Answers every message in its place, and "home" with the person's home page. */
    private static final class Echo implements MessageHandler {
        @Override
        public boolean onMessage(Inbound.Message message, ChatPort port) {
            if (message.text().equals("home")) {
                port.publishHome(message.user(), Reply.text("your home"));
            } else {
                port.post(message.place(), Reply.text("echo " + message.text()));
            }
            return true;
        }
    }

    /** A platform that is down until told otherwise, and reaches the tenants it is given. */
    private static final class SplitPort implements ChatPort {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean down = true;
        volatile Set<String> reached = Set.of();

        @Override
        public boolean reaches(String tenant) {
            return reached.contains(tenant);
        }

        @Override
        public MessageRef post(Place place, Reply reply) {
            if (down) {
                throw new PlatformUnavailable("HTTP 503 from the platform", null);
            }
            sent.add(place.tenant() + " " + reply.fallback());
            return new MessageRef(place, "M" + sent.size());
        }

        @Override
        public void publishHome(UserRef user, Reply home) {
            if (down) {
                throw new PlatformUnavailable("HTTP 503 from the platform", null);
            }
            sent.add(user.tenant() + " home of " + user.userId());
        }

        @Override
        public Place openThread(Place channel, Reply opening) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Place openDirect(UserRef user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(MessageRef message, Reply reply) {
            throw new UnsupportedOperationException();
        }
    }

    private void say(CoachEngine engine, SplitPort port, String tenant, String channel, String user, String text) {
        engine.handle(new Inbound.Message("Ev" + ids.incrementAndGet(), new UserRef(Platform.DISCORD, tenant, user),
                Place.channel(Platform.DISCORD, tenant, channel), text, clock.instant()), port);
    }

    @Test
    void aProcessSendsTheWaitingRepliesOfTheServersItReachesAndLeavesTheRest() {
        CoachEngine engine = new CoachEngine(List.of(new Echo()), new Inbox(db.jdbi(), clock), CoachMetrics.none(),
                CoachEngine.ConversationGuard.inProcess());
        SplitPort port = new SplitPort();
        // Another server's 120 places first, then one of this process's own, and a home page.
        for (int i = 0; i < 120; i++) {
            say(engine, port, "900", "C" + i, "U" + i, "hello " + i);
        }
        say(engine, port, "700", "C1", "U1", "mine");
        say(engine, port, "700", "C1", "U1", "home");
        assertThat(port.sent).as("all waiting out the outage").isEmpty();

        clock.advance(Duration.ofSeconds(5));
        port.down = false;
        port.reached = Set.of("700");
        ChatPorts ports = ChatPorts.only(port);
        engine.deliverDue(ports);
        assertThat(port.sent).as("its own, behind more than a page of the other server's").containsExactlyInAnyOrder(
                "700 echo mine", "700 home of U1");

        port.reached = Set.of("700", "900");
        for (int pass = 0; pass < 3; pass++) {
            engine.deliverDue(ports);
        }
        assertThat(port.sent).as("the other server's, once this process reaches it").hasSize(122)
                .contains("900 echo hello 0", "900 echo hello 119");
    }
}
