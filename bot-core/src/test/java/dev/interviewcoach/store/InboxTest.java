package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox and outbox on a real SQLite file. */
public class InboxTest {

    static final UserRef ANA = new UserRef(Platform.SLACK, "T1", "UANA");
    static final Instant START = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path dir;

    public static Inbound event(String id) {
        return new Inbound.Message(id, ANA, Place.direct(Platform.SLACK, "T1", "D1"), "my answer", START);
    }

    @Test
    void deliveriesAreRememberedForAWeekThenForgotten() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Inbox first = new Inbox(db.jdbi(), Clock.fixed(START, ZoneOffset.UTC));
            assertThat(first.firstDelivery(event("old"))).isTrue();
            first.finish("old");
            Inbox later = new Inbox(db.jdbi(), Clock.fixed(START.plus(Duration.ofDays(8)), ZoneOffset.UTC));
            assertThat(later.firstDelivery(event("recent"))).isTrue();
            later.finish("recent");
            assertThat(later.forgetOlderThan(Duration.ofDays(7))).isEqualTo(1);
            assertThat(later.firstDelivery(event("recent"))).as("a week's deliveries are kept").isFalse();
            assertThat(later.firstDelivery(event("old"))).as("an older one is forgotten").isTrue();
        }
    }

    @Test
    void anEventRecordedButNotHandledIsFoundAgainWithItsContent() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.fixed(START, ZoneOffset.UTC));
            assertThat(inbox.record(event("e1"))).isEqualTo(Inbox.State.NEW);
            assertThat(inbox.record(event("e1"))).as("recorded, not yet handled").isEqualTo(Inbox.State.PENDING);
            assertThat(inbox.pending(Duration.ZERO, 10)).containsExactly(event("e1"));
            assertThat(inbox.take("e1")).isTrue();
            assertThat(inbox.take("e1")).as("only one worker takes it").isFalse();
            assertThat(inbox.record(event("e1"))).isEqualTo(Inbox.State.DONE);
            assertThat(inbox.pending(Duration.ZERO, 10)).isEmpty();
        }
    }

    @Test
    void pendingEventsArePagedOldestFirstWithTiesInIdOrderAndNoneTwice() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.fixed(START, ZoneOffset.UTC));
            for (String id : List.of("e3", "e1", "e5", "e2", "e4")) {
                inbox.record(event(id)); // all in the same millisecond: the id breaks the tie
            }
            List<String> seen = new ArrayList<>();
            Inbox.Pending after = null;
            List<Inbox.Pending> page;
            do {
                page = inbox.pendingAfter(Duration.ZERO, 2, after);
                page.forEach(p -> seen.add(p.eventId()));
                after = page.isEmpty() ? after : page.getLast();
            } while (page.size() == 2);
            assertThat(seen).containsExactly("e1", "e2", "e3", "e4", "e5");
        }
    }

    @Test
    void anEventThatKeepsCrashingIsGivenUpAfterThreeStarts() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.fixed(START, ZoneOffset.UTC));
            inbox.record(event("poison"));
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.GO);
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.GO);
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.GO);
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.GIVEN_UP);
            assertThat(inbox.pending(Duration.ZERO, 10)).isEmpty();
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.HANDLED);
        }
    }

    @Test
    void anEventRecordedOnItsWayToALaneHasHadItsFirstStartAndIsGivenUpAfterTwoMore() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.fixed(START, ZoneOffset.UTC));
            assertThat(inbox.recordStarted(event("poison"))).isEqualTo(Inbox.State.NEW);
            assertThat(inbox.recordStarted(event("poison"))).as("a repeat delivery").isEqualTo(Inbox.State.PENDING);
            // the lane's start wrote nothing; each restart after a crash counts one
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.GO);
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.GO);
            assertThat(inbox.start("poison")).isEqualTo(Inbox.Start.GIVEN_UP);
        }
    }

    @Test
    void stateAndRepliesCommitTogetherOrNotAtAll() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.fixed(START, ZoneOffset.UTC));
            inbox.record(event("e1"));
            assertThatThrownBy(() -> inbox.inTransaction(() -> {
                inbox.take("e1");
                inbox.outbox().add("lane", Platform.SLACK, "e1", ANA, Outbox.Op.POST, "{}");
                throw new IllegalStateException("the feature failed half-way");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(inbox.outbox().pendingCount()).isZero();
            assertThat(inbox.record(event("e1"))).as("still to be handled").isEqualTo(Inbox.State.PENDING);
            inbox.inTransaction(() -> {
                inbox.take("e1");
                return inbox.outbox().add("lane", Platform.SLACK, "e1", ANA, Outbox.Op.POST, "{}");
            });
            assertThat(inbox.outbox().pendingCount()).isOne();
            assertThat(inbox.record(event("e1"))).isEqualTo(Inbox.State.DONE);
        }
    }

    @Test
    void aLaneGoesOutInOrderAndAClaimKeepsASecondDelivererOff() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Outbox outbox = new Inbox(db.jdbi(), Clock.fixed(START, ZoneOffset.UTC)).outbox();
            long first = outbox.add("C1", Platform.SLACK, "e1", ANA, Outbox.Op.POST, "feedback");
            long second = outbox.add("C1", Platform.SLACK, "e1", ANA, Outbox.Op.POST, "next question");
            outbox.add("C2", Platform.SLACK, "e2", ANA, Outbox.Op.POST, "elsewhere");
            assertThat(second).isGreaterThan(first);
            assertThat(outbox.dueLanes(10)).containsExactly("C1", "C2");
            assertThat(outbox.head("C1")).hasValueSatisfying(e -> assertThat(e.payload()).isEqualTo("feedback"));
            long until = START.plusSeconds(60).toEpochMilli();
            assertThat(outbox.claim(first, until)).isTrue();
            assertThat(outbox.claim(first, until)).as("held by the first deliverer").isFalse();
            outbox.sent(first, "1700.01");
            assertThat(outbox.deliveredId(first)).hasValue("1700.01");
            assertThat(outbox.head("C1")).hasValueSatisfying(e -> assertThat(e.payload()).isEqualTo("next question"));
            outbox.deferred(second, START.plusSeconds(30).toEpochMilli(), "rate limited");
            assertThat(outbox.dueLanes(10)).as("a waiting lane is not due; others are").containsExactly("C2");
        }
    }
}
