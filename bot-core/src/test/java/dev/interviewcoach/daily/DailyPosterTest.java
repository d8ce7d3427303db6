package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ForwardingChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posting over simulated weeks with a clock the test moves: on time, in every zone, exactly once. */
class DailyPosterTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));

    @TempDir
    Path dir;

    private static Subscription sub(String id, String channel, String time, String zone) {
        return new Subscription(id, Place.channel(Platform.SLACK, "T1", channel), "python-developer",
                new PostTimes(LocalTime.parse(time), ZoneId.of(zone), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                "UADMIN", Instant.EPOCH);
    }

    @Test
    void twoInstancesOverThirtyDaysAcrossTheDaylightSavingSwitchPostEveryWeekdayOnceOnTime() {
        try (Database one = Database.sqlite(dir.resolve("coach.db")); Database two = Database.sqlite(dir.resolve("coach.db"))) {
            one.migrate();
            SubscriptionRepository subs = new SubscriptionRepository(one.jdbi());
            subs.save(sub("berlin", "C1", "09:00", "Europe/Berlin"));
            subs.save(sub("stjohns", "C2", "08:30", "America/St_Johns"));
            subs.save(sub("auckland", "C3", "09:00", "Pacific/Auckland"));
            List<DailyPoster> instances = List.of(DailyFixture.poster(one, BANKS, 1), DailyFixture.poster(two, BANKS, 2));
            RecordingChatPort port = new RecordingChatPort();
            // 15 Mar to 14 Apr 2026: Europe and North America spring forward, New Zealand falls back.
            Instant start = Instant.parse("2026-03-15T00:00:00Z");
            for (Instant now = start; now.isBefore(start.plus(Duration.ofDays(30))); now = now.plus(Duration.ofMinutes(5))) {
                for (DailyPoster poster : instances) {
                    poster.postDue(now, port);
                }
            }
            List<RecordingChatPort.Posted> questions = port.posted.stream()
                    .filter(p -> p.text().startsWith("Question of the day")).toList();
            // The window ends at 00:00 UTC on Tuesday 14 April, which is already Tuesday morning in
            // Auckland: 21 weekday posts in Berlin and St John's, 22 in Auckland.
            assertThat(questions.stream().filter(p -> p.place().channelId().equals("C1"))).hasSize(21);
            assertThat(questions.stream().filter(p -> p.place().channelId().equals("C2"))).hasSize(21);
            assertThat(questions.stream().filter(p -> p.place().channelId().equals("C3"))).hasSize(22);
            List<RecordingChatPort.Posted> reveals = port.posted.stream().filter(p -> p.text().startsWith("The reveal")).toList();
            assertThat(reveals).as("each question but the last is revealed once, in its thread, when the next is posted")
                    .hasSize(61).allSatisfy(p -> assertThat(p.place().kind()).isEqualTo(Place.Kind.THREAD));
            assertThat(port.posted).as("nothing but questions and reveals: no duplicates, no round restarts").hasSize(64 + 61);
        }
    }

    @Test
    void aChannelThatSubscribesAfterTodaysTimeStartsWithTheNextPostNotOneLate() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            SubscriptionRepository subs = new SubscriptionRepository(db.jdbi());
            // Monday 7 December, 10:09 in Berlin: subscribed for 08:30, within the two hours' grace.
            Instant subscribed = Instant.parse("2026-12-07T09:09:00Z");
            subs.save(new Subscription("late", Place.channel(Platform.SLACK, "T1", "C1"), "python-developer",
                    new PostTimes(LocalTime.parse("08:30"), ZoneId.of("Europe/Berlin"),
                            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)), "UADMIN", subscribed));
            DailyPoster poster = DailyFixture.poster(db, BANKS, 1);
            RecordingChatPort port = new RecordingChatPort();
            assertThat(poster.postDue(subscribed.plus(Duration.ofMinutes(30)), port)).as("Monday's 08:30 was never due")
                    .isZero();
            assertThat(poster.nextPost(subs.all().getFirst(), subscribed).localDate()).hasToString("2026-12-09");
            assertThat(poster.postDue(Instant.parse("2026-12-09T07:30:00Z"), port)).as("Wednesday's is").isEqualTo(1);
        }
    }

    @Test
    void aPostWhoseProcessDiedAfterClaimingItIsMadeByAnotherOnceTheClaimIsLeftNotLostForTheDay() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            SubscriptionRepository subs = new SubscriptionRepository(db.jdbi());
            subs.save(sub("berlin", "C1", "09:00", "Europe/Berlin"));
            DailyPostRepository posts = new DailyPostRepository(db.jdbi());
            // Monday 7 December, 09:00 in Berlin: a process claims the day's post and dies before it goes out.
            Instant due = Instant.parse("2026-12-07T08:00:05Z");
            String question = BANKS.current().track("python-developer").orElseThrow().questions().getFirst().id();
            assertThat(posts.claim("berlin", java.time.LocalDate.parse("2026-12-07"), question, due)).isTrue();

            DailyPoster poster = DailyFixture.poster(db, BANKS, 2);
            RecordingChatPort port = new RecordingChatPort();
            assertThat(poster.postDue(due.plus(Duration.ofMinutes(2)), port)).as("a claim this young may be a post under way")
                    .isZero();
            assertThat(poster.postDue(due.plus(DailyPostRepository.LEFT_AFTER).plusSeconds(30), port))
                    .as("left: posted by the next check, within the grace").isEqualTo(1);
            assertThat(poster.postDue(due.plus(Duration.ofMinutes(30)), port)).as("and once").isZero();
            assertThat(posts.find("berlin", java.time.LocalDate.parse("2026-12-07")).orElseThrow().messageId()).isNotNull();
            assertThat(port.posted.stream().filter(p -> p.text().startsWith("Question of the day"))).hasSize(1);
        }
    }

    @Test
    void aSlowProcessWhoseClaimWasTakenOverChangesNothingOfThePostThatReplacedItsOwn() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            DailyPostRepository posts = new DailyPostRepository(db.jdbi());
            java.time.LocalDate day = java.time.LocalDate.parse("2026-12-07");
            Instant slow = Instant.parse("2026-12-07T08:00:05Z");
            Instant other = slow.plus(DailyPostRepository.LEFT_AFTER).plusSeconds(1);
            assertThat(posts.claim("berlin", day, "q1", slow)).isTrue();
            assertThat(posts.claim("berlin", day, "q2", other)).as("taken over once left").isTrue();
            posts.release("berlin", day, slow);
            assertThat(posts.find("berlin", day)).as("the slow one's failure gives back nothing of the other's").isPresent();
            assertThat(posts.posted("berlin", day, slow, "M-slow")).isFalse();
            assertThat(posts.posted("berlin", day, other, "M-other")).isTrue();
            assertThat(posts.find("berlin", day).orElseThrow().messageId()).isEqualTo("M-other");

            Instant reveal = Instant.parse("2026-12-08T08:00:05Z");
            Instant revealAgain = reveal.plus(DailyPostRepository.LEFT_AFTER).plusSeconds(1);
            assertThat(posts.claimReveal("berlin", day, reveal)).isTrue();
            assertThat(posts.claimReveal("berlin", day, revealAgain)).as("a pending reveal, left").isTrue();
            assertThat(posts.revealDone("berlin", day, revealAgain)).isTrue();
            posts.unclaimReveal("berlin", day, reveal);
            assertThat(posts.unrevealed("berlin", revealAgain.plus(Duration.ofDays(1)))).as("finished, and the slow"
                    + " one's give-back changed nothing").isEmpty();
        }
    }

    @Test
    void aDaySkippedOnPurposeIsNotCountedAsMissedButADayTheBotWasDownIs() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            SubscriptionRepository subs = new SubscriptionRepository(db.jdbi());
            subs.save(sub("berlin", "C1", "09:00", "Europe/Berlin"));
            new ScheduleRules(db.jdbi()).skip("berlin", java.util.List.of(java.time.LocalDate.parse("2026-12-08")));
            dev.interviewcoach.observe.CoachMetrics metrics = dev.interviewcoach.observe.CoachMetrics.none();
            DailyPoster poster = DailyFixture.poster(db, BANKS, 1, metrics);
            RecordingChatPort port = new RecordingChatPort();
            // Tuesday the 8th is skipped; the first check is Tuesday evening, the next Thursday evening (it counts
            // the latest post time it finds gone by: Thursday morning).
            poster.postDue(Instant.parse("2026-12-08T18:00:00Z"), port);
            assertThat(metrics.registry().find("coach.daily.posts").tag("outcome", "missed").counter())
                    .as("the skipped Tuesday").isNull();
            poster.postDue(Instant.parse("2026-12-10T18:00:00Z"), port);
            assertThat(metrics.registry().find("coach.daily.posts").tag("outcome", "missed").counter().count())
                    .as("the Thursday the bot was down for").isEqualTo(1.0);
        }
    }

    @Test
    void aRevealWhoseProcessDiedBeforeItsRecapWentOutComesWithTheNextPostNotLost() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            SubscriptionRepository subs = new SubscriptionRepository(db.jdbi());
            subs.save(sub("berlin", "C1", "09:00", "Europe/Berlin"));
            DailyPostRepository posts = new DailyPostRepository(db.jdbi());
            DailyPoster poster = DailyFixture.poster(db, BANKS, 1);
            RecordingChatPort port = new RecordingChatPort();
            assertThat(poster.postDue(Instant.parse("2026-12-07T08:00:30Z"), port)).isEqualTo(1);
            // Tuesday's check claims Tuesday's post, then Monday's reveal, and its process dies before the recap goes out.
            String question = BANKS.current().track("python-developer").orElseThrow().questions().get(3).id();
            assertThat(posts.claim("berlin", java.time.LocalDate.parse("2026-12-08"), question,
                    Instant.parse("2026-12-08T08:00:10Z"))).isTrue();
            java.time.LocalDate monday = java.time.LocalDate.parse("2026-12-07");
            assertThat(posts.claimReveal("berlin", monday, Instant.parse("2026-12-08T08:00:10Z"))).isTrue();

            assertThat(poster.postDue(Instant.parse("2026-12-08T08:02:00Z"), port)).as("a claim this young: left alone")
                    .isZero();
            assertThat(port.posted.stream().filter(p -> p.text().startsWith("The reveal"))).isEmpty();
            assertThat(poster.postDue(Instant.parse("2026-12-08T08:12:00Z"), port)).as("Tuesday's question")
                    .isEqualTo(1);
            assertThat(port.posted.stream().filter(p -> p.text().startsWith("The reveal"))).as("Monday's recap, once")
                    .hasSize(1).allSatisfy(p -> assertThat(p.place().kind()).isEqualTo(Place.Kind.THREAD));
            assertThat(poster.postDue(Instant.parse("2026-12-08T08:40:00Z"), port)).isZero();
            assertThat(port.posted.stream().filter(p -> p.text().startsWith("The reveal"))).hasSize(1);
        }
    }

    @Test
    void aRevealThatFailsWhileThePlatformIsInTroubleComesWithTheNextTryAndAGoneThreadHoldsNothingUp() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            SubscriptionRepository subs = new SubscriptionRepository(db.jdbi());
            subs.save(sub("berlin", "C1", "09:00", "Europe/Berlin"));
            DailyPoster poster = DailyFixture.poster(db, BANKS, 1);
            RecordingChatPort recorded = new RecordingChatPort();
            java.util.concurrent.atomic.AtomicReference<RuntimeException> threadFails =
                    new java.util.concurrent.atomic.AtomicReference<>();
            ChatPort port = new ForwardingChatPort(recorded) {
                @Override
                protected <T> T sending(java.util.function.Supplier<T> call) {
                    return call.get();
                }

                @Override
                public MessageRef post(Place place, Reply reply) {
                    RuntimeException fail = threadFails.get();
                    if (fail != null && place.kind() == Place.Kind.THREAD) {
                        throw fail;
                    }
                    return super.post(place, reply);
                }
            };
            assertThat(poster.postDue(Instant.parse("2026-11-23T08:00:00Z"), port)).isEqualTo(1); // Monday
            threadFails.set(new IllegalStateException("HTTP 503 from the platform"));
            assertThat(poster.postDue(Instant.parse("2026-11-24T08:00:00Z"), port)).as("Tuesday waits for it").isZero();
            threadFails.set(null);
            assertThat(poster.postDue(Instant.parse("2026-11-24T08:01:00Z"), port)).isEqualTo(1);
            assertThat(recorded.posted.stream().filter(p -> p.text().startsWith("The reveal"))).as("Monday's, once")
                    .hasSize(1);

            threadFails.set(new PlatformRefusal("I can't find that thread any more"));
            assertThat(poster.postDue(Instant.parse("2026-11-25T08:00:00Z"), port)).as("Wednesday goes out without it")
                    .isEqualTo(1);
        }
    }

    @Test
    void postsAtTheLocalTimeAndCatchesUpOnlyWithinTheGraceWindow() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            SubscriptionRepository subs = new SubscriptionRepository(db.jdbi());
            subs.save(sub("berlin", "C1", "09:00", "Europe/Berlin"));
            DailyPoster poster = DailyFixture.poster(db, BANKS, 1);
            RecordingChatPort port = new RecordingChatPort();
            // Winter: 09:00 Berlin is 08:00 UTC.
            assertThat(poster.postDue(Instant.parse("2026-11-25T07:59:59Z"), port)).isZero();
            assertThat(poster.postDue(Instant.parse("2026-11-25T08:00:00Z"), port)).isEqualTo(1);
            assertThat(poster.postDue(Instant.parse("2026-11-25T08:05:00Z"), port)).isZero();
            // Down through Thursday's post time, back 90 minutes later: caught up.
            assertThat(poster.postDue(Instant.parse("2026-11-26T09:30:00Z"), port)).isEqualTo(1);
            // Down through Friday's until three hours later: skipped, not posted late.
            assertThat(poster.postDue(Instant.parse("2026-11-27T11:00:00Z"), port)).isZero();
            // Saturday and Sunday: nothing.
            assertThat(poster.postDue(Instant.parse("2026-11-28T08:00:00Z"), port)).isZero();
            assertThat(port.posted.stream().filter(p -> p.place().kind() == Place.Kind.CHANNEL)).hasSize(2);
        }
    }
}
