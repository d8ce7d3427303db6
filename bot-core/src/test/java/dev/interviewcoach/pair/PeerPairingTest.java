package dev.interviewcoach.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.MovingClock;
import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.progress.PersonRepository;
import dev.interviewcoach.progress.ProgressService;
import dev.interviewcoach.progress.StatsCommand;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.review.Fsrs;
import dev.interviewcoach.review.ReviewRepository;
import dev.interviewcoach.review.SpacedReview;
import dev.interviewcoach.store.SamePerson;
import dev.interviewcoach.text.TextAnalyzer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer pairing through the engine on a real database with a clock the test moves: who may set it
 * up, pairs by working hours with the odd one out told, the interviewer's private card, the coach's
 * score beside the peer's, roles swapped for the second question, no-shows left out until they opt
 * in again, each week's pairs made once however many instances run the job, and forget-me.
 */
class PeerPairingTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private static final Place CHANNEL = Place.channel(Platform.SLACK, "T1", "C1");
    /** Sunday 6 December 2026, noon UTC; pairs are made on Mondays at 10:00 UTC. */
    private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-12-07T10:00:10Z");

    @TempDir
    Path dir;

    /** One coach instance with only the pairing feature, on a database. */
    private static final class Coach {
        final MovingClock clock;
        final PairingRepository pairings;
        final PeerPairingFeature feature;
        final CoachEngine engine;
        final RecordingChatPort port = new RecordingChatPort();
        private final AtomicInteger events = new AtomicInteger();
        private final String name;

        Coach(Database db, MovingClock clock, String name) {
            this.clock = clock;
            this.name = name;
            AtomicInteger ids = new AtomicInteger();
            pairings = new PairingRepository(db.jdbi());
            feature = new PeerPairingFeature(pairings, BANKS, new RuleBasedFeedbackEngine(BANKS, new TextAnalyzer()),
                    new SpacedReview(new ReviewRepository(db.jdbi()), new Fsrs(0.9), new SamePerson(db.jdbi())),
                    new QuestionPicker(new Random(5)), user -> Optional.empty(), user -> user.userId().equals("UMUTED"),
                    () -> name + "-p" + ids.incrementAndGet(),
                    clock, Duration.ofDays(3), Duration.ofHours(2), Duration.ofSeconds(30));
            engine = new CoachEngine(List.of(feature), new Inbox(db.jdbi(), clock), CoachMetrics.none(),
                    CoachEngine.ConversationGuard.inProcess());
            port.managers.add(user("UADMIN"));
        }

        String command(String userId, String text) {
            engine.handle(new Inbound.Command(nextId(), user(userId), CHANNEL, text, clock.instant()), port);
            return port.last();
        }

        void say(String userId, Place place, String text) {
            engine.handle(new Inbound.Message(nextId(), user(userId), place, text, "msg-" + events.get(), clock.instant()),
                    port);
        }

        String press(String userId, Place place, ActionId action) {
            engine.handle(new Inbound.Action(nextId(), user(userId), place, action, null, clock.instant()), port);
            return port.last();
        }

        int runAt(Instant now) {
            return feature.run(now, ChatPorts.only(port));
        }

        /** The replies only {@code userId} saw, newest last. */
        List<RecordingChatPort.Posted> privateTo(String userId) {
            return port.posted.stream().filter(p -> p.reply().visibility() instanceof Visibility.OnlyTo only
                    && only.user().userId().equals(userId)).toList();
        }

        private String nextId() {
            return name + "-e" + events.incrementAndGet();
        }
    }

    private static UserRef user(String id) {
        return new UserRef(Platform.SLACK, "T1", id);
    }

    /** The buttons of a reply, by the word a person would type instead. */
    private static ActionId button(Reply reply, String typed) {
        return reply.blocks().stream().filter(b -> b instanceof Block.Buttons).flatMap(b -> ((Block.Buttons) b).buttons().stream())
                .filter(b -> b.typed().equals(typed)).findFirst().orElseThrow().action();
    }

    @Test
    void aWeeksPairInterviewsBothWaysAndSeesTheCoachsScoreBesideThePeers() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Coach coach = new Coach(db, new MovingClock(START), "one");
            assertThat(coach.command("UANA", "pair schedule python-developer mon 10:00 UTC"))
                    .startsWith("Only people who manage this channel");
            assertThat(coach.command("UANA", "pair on")).contains("no weekly peer pairing yet")
                    .contains("Someone who manages it can start one");
            assertThat(coach.command("UADMIN", "pair status")).contains("You manage this channel, so you can start one");
            assertThat(coach.command("UADMIN", "pair schedule python-developer mon 10:00 UTC"))
                    .contains("(python-developer) are made every Monday at 10:00 UTC").contains("Next: Monday 7 Dec, 10:00");
            for (String person : List.of("UANA", "UBEN", "UCAT")) {
                assertThat(coach.command(person, "pair on Europe/Berlin")).contains("You are in this channel's weekly peer"
                        + " pairing (python-developer)").contains("09:00-18:00 on weekdays, Europe/Berlin");
            }
            coach.command("UMUTED", "pair on America/Los_Angeles");
            assertThat(coach.command("UDAN", "pair on sql and data Europe/Berlin")).contains("(sql-and-data)")
                    .contains("Europe/Berlin");
            assertThat(coach.command("UDAN", "pair on cooking")).contains("I don't know the track \"cooking\"");

            assertThat(coach.runAt(MONDAY)).isEqualTo(1);
            assertThat(coach.runAt(MONDAY.plusSeconds(30))).as("made once").isZero();
            assertThat(coach.port.groupsOpened).containsExactly(List.of(user("UANA"), user("UBEN")));
            assertThat(coach.privateTo("UCAT")).last().satisfies(p ->
                    assertThat(p.text()).contains("No partner for you this week").contains("odd number"));
            assertThat(coach.privateTo("UDAN").getLast().text()).as("paired only within a track")
                    .contains("nobody else practising your track");
            assertThat(coach.privateTo("UMUTED")).as("muted: no message unasked for").singleElement()
                    .satisfies(p -> assertThat(p.text()).startsWith("You are in"));
            Pairing pairing = coach.feature.openFor(user("UANA")).orElseThrow();
            Place group = pairing.place();
            RecordingChatPort.Posted card = coach.privateTo("UANA").getLast();
            assertThat(card.place()).isEqualTo(group);
            assertThat(card.text()).startsWith("Your interviewer card for question 1");
            assertThat(card.reply().toString()).contains("Talking points").contains("Follow-ups to probe")
                    .contains("Misconceptions to watch for").contains("Hints you may give");
            assertThat(coach.port.posted.stream().filter(p -> p.place().equals(group)
                    && p.reply().visibility().equals(Visibility.everyone())).map(RecordingChatPort.Posted::text))
                    .anyMatch(t -> t.startsWith("Question 1 of 2"));

            assertThat(coach.command("UANA", "pair status")).contains("Open now with UBEN: question 1 of 2, until");
            assertThat(coach.port.posted.getLast().reply().blocks().toString()).as("a mention of the partner and a link to"
                    + " their private conversation").contains("Mention[user=" + user("UBEN")).contains("ChannelLink[channel=" + group);

            coach.say("UBEN", group, "I would use a dictionary for constant time lookups, and a generator to stream"
                    + " large files lazily instead of loading everything into memory.");
            assertThat(coach.port.last()).startsWith("Got your answer");
            assertThat(coach.press("UBEN", group, button(card.reply(), "score 5"))).startsWith("Only the interviewer");
            assertThat(coach.press("UANA", group, button(card.reply(), "covered 1"))).startsWith("Marked covered: ");
            coach.press("UANA", group, button(card.reply(), "score 4"));
            String scores = coach.port.posted.stream().map(RecordingChatPort.Posted::text)
                    .filter(t -> t.startsWith("Question 1: ")).findFirst().orElseThrow();
            assertThat(scores).matches("Question 1: interviewer 4/5, coach [1-5]/5");
            assertThat(coach.port.all()).contains("Roles swap for question 2.");

            RecordingChatPort.Posted second = coach.privateTo("UBEN").getLast();
            assertThat(second.text()).startsWith("Your interviewer card for question 2");
            assertThat(coach.press("UANA", group, button(card.reply(), "score 2")))
                    .isEqualTo("That card is for question 1; you are on question 2 now.");
            // Ana answers out loud in their call: nothing typed, so only Ben's score counts.
            coach.press("UBEN", group, button(second.reply(), "score 3"));
            assertThat(coach.port.all()).contains("Question 2: interviewer 3/5, coach not scored (answered out loud)")
                    .contains("Both questions are done");
            assertThat(coach.feature.openFor(user("UANA"))).as("closed when both questions are done").isEmpty();
            assertThat(coach.command("UANA", "pair status")).contains("You are in (python-developer)")
                    .contains("Pairings so far: 1, with 1 different partner.");
            assertThat(coach.command("UCAT", "pair status")).contains("first in line");
            assertThat(coach.command("UMUTED", "pair status")).contains("first in line");

            // Their stats count the question each answered with the other, scored by the partner.
            StatsCommand stats = new StatsCommand(new ProgressService(new SessionRepository(db.jdbi()),
                    new DailyAnswerRepository(db.jdbi()), coach.pairings, new PersonRepository(db.jdbi()),
                    new SamePerson(db.jdbi()), BANKS, coach.clock), (user, now) -> 0, coach.clock);
            assertThat(stats.page(user("UANA"), coach.port).toString()).as("answered out loud: Ben's 3 counts")
                    .contains("Questions answered").contains("With peers")
                    .contains("1 question, scored 3.0/5 on average by your partners");
            assertThat(stats.page(user("UBEN"), coach.port).toString()).as("typed: scored by Ana and by the coach")
                    .contains("1 question, scored 4.0/5 on average by your partners");
            assertThat(stats.page(user("UCAT"), coach.port).toString()).contains("Nothing scored yet");
            assertThat(new ReviewRepository(db.jdbi()).all(user("UANA"))).as("her question comes back for review")
                    .singleElement().satisfies(c -> assertThat(c.card().reps()).isOne());

            // Next week the odd one out goes first, and nobody repeats last week's partner.
            assertThat(coach.runAt(MONDAY.plus(Duration.ofDays(7)))).isEqualTo(1);
            assertThat(coach.port.groupsOpened.getLast()).contains(user("UCAT"));

            int removed = coach.pairings.forget(user("UANA"));
            assertThat(removed).isGreaterThanOrEqualTo(3);
            assertThat(coach.pairings.pairingsOf(user("UBEN"), CHANNEL)).noneMatch(p -> p.has("UANA"));
            assertThat(coach.pairings.member(user("UANA"), CHANNEL)).isEmpty();
            assertThat(coach.pairings.memberships(user("UANA"))).isEmpty();
        }
    }

    @Test
    void twoMissedPairingsInARowLeaveAPersonOutToldWhyUntilTheyOptInAgain() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Coach coach = new Coach(db, new MovingClock(START), "one");
            coach.command("UADMIN", "pair schedule python-developer mon 10:00 UTC");
            coach.command("UANA", "pair on Europe/Berlin");
            coach.command("UBEN", "pair on Europe/London");
            for (int week = 0; week < 2; week++) {
                Instant monday = MONDAY.plus(Duration.ofDays(7L * week));
                coach.clock.advance(Duration.between(coach.clock.instant(), monday));
                assertThat(coach.runAt(monday)).isEqualTo(1);
                Pairing p = coach.feature.openFor(user("UANA")).orElseThrow();
                coach.press("UANA", p.place(), new ActionId("pair", "here", p.id(), 0));
                Instant closes = monday.plus(Duration.ofDays(3));
                coach.clock.advance(Duration.between(monday, closes));
                coach.runAt(closes);
                assertThat(coach.port.posted.stream().filter(x -> x.place().equals(p.place())).map(RecordingChatPort.Posted::text))
                        .contains("This pairing has closed.");
            }
            assertThat(coach.privateTo("UBEN")).last().satisfies(p -> {
                assertThat(p.place()).isEqualTo(Place.direct(Platform.SLACK, "T1", "D-UBEN"));
                assertThat(p.text()).contains("You missed two pairings in a row");
            });
            assertThat(coach.privateTo("UANA")).noneMatch(p -> p.text().contains("missed"));
            assertThat(coach.privateTo("UANA")).as("Ana, who came, is told each week it was not her")
                    .filteredOn(p -> p.text().startsWith("Your partner did not take part")).hasSize(2);
            assertThat(coach.privateTo("UBEN")).noneMatch(p -> p.text().startsWith("Your partner did not take part"));
            assertThat(coach.command("UBEN", "pair status")).contains("You are left out: you missed 2 pairings in a row");

            Instant third = MONDAY.plus(Duration.ofDays(14));
            coach.clock.advance(Duration.between(coach.clock.instant(), third));
            assertThat(coach.runAt(third)).as("Ben is left out, so Ana has nobody").isZero();
            assertThat(coach.privateTo("UANA").getLast().text()).contains("nobody else practising your track is in the pairing this week");

            assertThat(coach.command("UBEN", "pair on")).startsWith("Welcome back");
            assertThat(coach.command("UBEN", "pair status")).contains("You are in");
            assertThat(coach.command("UBEN", "pair off")).startsWith("You have left");
            assertThat(coach.command("UBEN", "pair stop")).startsWith("Only people who manage this channel");
            assertThat(coach.command("UADMIN", "pair stop")).startsWith("This channel's weekly peer pairing is stopped");
            assertThat(coach.runAt(third.plus(Duration.ofDays(7)))).isZero();
            assertThat(coach.command("UANA", "pair status")).contains("no weekly peer pairing");
        }
    }

    @Test
    void eachPersonSaysWhenTheyAreFreeAndIsPairedOnlyWithSomeoneFreeAnHourAtTheSameTime() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Coach coach = new Coach(db, new MovingClock(START), "one");
            coach.command("UADMIN", "pair schedule python-developer mon 10:00 UTC");
            assertThat(coach.command("UANA", "pair on Europe/Berlin 07:00-10:00"))
                    .contains("07:00-10:00 on weekdays, Europe/Berlin");
            assertThat(coach.command("UBEN", "pair on 4pm-8pm Europe/Berlin")).contains("16:00-20:00 on weekdays, Europe/Berlin");
            assertThat(coach.command("UCAT", "pair on 17:00-13:00")).as("the end before the start")
                    .contains("must end at least an hour after they start").contains("17:00-13:00");
            assertThat(coach.command("UCAT", "pair on 25:00-26:00")).contains("\"25:00\" is not a time of day");
            assertThat(coach.command("UCAT", "pair on 7-9")).as("whole hours alone").contains("07:00-09:00 on weekdays");
            assertThat(coach.command("UCAT", "pair off")).startsWith("You have left");
            assertThat(coach.command("UCAT", "pair status")).as("nothing kept from a refused pair on").contains("You are not in it");
            assertThat(coach.command("UANA", "pair status")).contains("paired by working hours 07:00-10:00 on weekdays,"
                    + " Europe/Berlin");
            assertThat(coach.command("UANA", "pair on America/New_York")).as("a new zone keeps her hours")
                    .contains("07:00-10:00 on weekdays, America/New_York");
            coach.command("UANA", "pair on Europe/Berlin");

            assertThat(coach.runAt(MONDAY)).as("Ana's morning and Ben's evening never meet").isZero();
            assertThat(coach.privateTo("UANA").getLast().text()).contains("works at the same time as you for an hour")
                    .contains("07:00-10:00 on weekdays, Europe/Berlin");

            coach.command("UBEN", "pair on 09:00-12:00");
            assertThat(coach.runAt(MONDAY.plus(Duration.ofDays(7)))).as("an hour in common: paired").isEqualTo(1);
            assertThat(coach.port.groupsOpened).containsExactly(List.of(user("UANA"), user("UBEN")));
        }
    }

    @Test
    void onPostgresTwoInstancesMakeEachWeeksPairsOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Database db = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            db.migrate();
            MovingClock clock = new MovingClock(START);
            Coach one = new Coach(db, clock, "one");
            Coach two = new Coach(db, clock, "two");
            one.command("UADMIN", "pair schedule python-developer mon 10:00 UTC");
            one.command("UANA", "pair on Europe/Berlin");
            two.command("UBEN", "pair on Europe/Berlin");
            clock.advance(Duration.between(START, MONDAY));
            assertThat(one.runAt(MONDAY) + two.runAt(MONDAY)).isEqualTo(1);
            assertThat(one.port.groupsOpened.size() + two.port.groupsOpened.size()).isEqualTo(1);
            Pairing p = one.feature.openFor(user("UBEN")).orElseThrow();
            assertThat(two.pairings.turns(p.id())).singleElement().satisfies(t -> assertThat(t.interviewer()).isEqualTo(p.first()));
            assertThat(one.pairings.forget(user("UBEN"))).isGreaterThanOrEqualTo(3);
            assertThat(two.pairings.pairingsOf(user("UANA"))).isEmpty();
        }
    }
}
