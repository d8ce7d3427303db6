package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.command.CommandGrammar;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyCommandTest {

    @TempDir
    Path dir;

    private Database db;
    private DailyCommand daily;
    private SubscriptionRepository subscriptions;
    private final RecordingChatPort port = new RecordingChatPort();
    private final UserRef admin = new UserRef(Platform.SLACK, "T1", "UADMIN");
    private final Place channel = Place.channel(Platform.SLACK, "T1", "C1");

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        subscriptions = new SubscriptionRepository(db.jdbi());
        BankCatalog banks = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
        daily = new DailyCommand(subscriptions, banks, "python-developer", DailyFixture.poster(db, banks, 1),
                new Leaderboard(new DailyAnswerRepository(db.jdbi())), new ScheduleRules(db.jdbi()),
                new DailyDirect(db.jdbi(), subscriptions, new DailyPostRepository(db.jdbi()),
                        new DailyAnswerRepository(db.jdbi()), banks, user -> Optional.empty(), Duration.ofHours(2),
                        Duration.ofMinutes(1)),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), () -> "sub-1");
        port.managers.add(admin);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String run(Place place, String words) {
        return run(admin, place, words);
    }

    private String run(UserRef who, Place place, String words) {
        // As the engine does: the typed words are read by the command's own grammar first.
        Inbound.Command command = new Inbound.Command("e", who, place, "daily " + words, Instant.EPOCH);
        switch (new CommandGrammar(daily.commands()).parse(command.text())) {
            case CommandGrammar.Parse.Parsed parsed -> daily.handle(command, parsed.input(), port);
            case CommandGrammar.Parse.Invalid invalid -> {
                return invalid.message();
            }
            case CommandGrammar.Parse other -> throw new AssertionError("not a daily command: " + other);
        }
        return port.last();
    }

    @Test
    void dailyNowWhileTodaysPostIsClaimedButNotOutSaysSoRatherThanThatItIsOut() {
        run(channel, "subscribe python-developer 09:00 UTC daily");
        DailyPostRepository posts = new DailyPostRepository(db.jdbi());
        String question = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())).current()
                .track("python-developer").orElseThrow().questions().getFirst().id();
        // Another instance claimed today's post a minute ago and is posting it (or died doing so).
        assertThat(posts.claim("sub-1", java.time.LocalDate.parse("2026-11-25"), question,
                Instant.parse("2026-11-25T09:59:00Z"))).isTrue();
        assertThat(run(channel, "now")).isEqualTo("Today's question is being posted right now. If it has not shown up"
                + " here 10 minutes from now, type daily now again.");
        posts.posted("sub-1", java.time.LocalDate.parse("2026-11-25"), Instant.parse("2026-11-25T09:59:00Z"), "M1");
        assertThat(run(channel, "now")).startsWith("Today's question is out already");
    }

    @Test
    void newTimesCountFromNowSoAnEarlierTimeStartsWithTheNextPostAsTheReplySays() {
        BankCatalog banks = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
        DailyPoster poster = DailyFixture.poster(db, banks, 2);
        run(channel, "subscribe python-developer 11:00 UTC daily");
        Subscription before = subscriptions.find(channel).orElseThrow();
        // Set up a week before, and changed without touching its times: it keeps its start.
        subscriptions.save(new Subscription(before.id(), channel, before.track(), before.times(), before.createdBy(),
                Instant.parse("2026-11-18T08:00:00Z"), before.mode(), false, null, null));
        run(channel, "subscribe python-developer 11:00 UTC daily");
        assertThat(subscriptions.find(channel).orElseThrow().createdAt()).hasToString("2026-11-18T08:00:00Z");

        // Wednesday 25 Nov, 10:00 UTC: 11:00 moved to 09:30, which passed half an hour ago.
        assertThat(run(channel, "subscribe python-developer 09:30 UTC daily"))
                .contains("The next one: Thursday 26 Nov, 09:30 UTC.");
        assertThat(poster.postDue(Instant.parse("2026-11-25T10:00:30Z"), port)).as("no post at once for 09:30 today")
                .isZero();
        assertThat(poster.postDue(Instant.parse("2026-11-25T11:00:30Z"), port)).as("nor at the old time").isZero();
        assertThat(poster.postDue(Instant.parse("2026-11-26T09:30:30Z"), port)).as("Thursday's, as said").isEqualTo(1);
    }

    @Test
    void managersPauseResumeSkipDatesAndKeepYearlyHolidaysAndTheNextPostPassesOverThem() {
        UserRef member = new UserRef(Platform.SLACK, "T1", "UMEMBER");
        run(channel, "subscribe python-developer 09:00 UTC daily");
        // Wednesday 25 Nov 2026, 10:00 UTC: the next post is Thursday the 26th.
        assertThat(run(channel, "status")).contains("Next: Thursday 26 Nov, 09:00 UTC.");
        assertThat(run(channel, "skip 2026-11-26..2026-11-27")).isEqualTo("Skipping 2 days, Thursday 2026-11-26 to"
                + " Friday 2026-11-27. The next one: Saturday 28 Nov, 09:00 UTC.");
        assertThat(run(channel, "holidays add 11-28")).isEqualTo("November 28 is skipped every year from now on."
                + " The next one: Sunday 29 Nov, 09:00 UTC.");
        assertThat(run(channel, "holidays")).isEqualTo("Skipped every year here: November 28.");
        assertThat(run(channel, "skip")).isEqualTo("Skipped here: Thursday 2026-11-26, Friday 2026-11-27.");
        assertThat(run(channel, "unskip 2026-11-27")).isEqualTo("Not skipping Friday 2026-11-27 any more. The next one:"
                + " Friday 27 Nov, 09:00 UTC.");
        assertThat(run(channel, "unskip 2026-11-27")).isEqualTo("Friday 2026-11-27 is not skipped here; daily skip lists"
                + " the dates that are.");
        assertThat(run(member, channel, "unskip 2026-11-26")).startsWith("Only people who manage this channel");
        assertThat(run(channel, "skip 2026-11-27")).startsWith("Skipping Friday 2026-11-27");
        assertThat(run(channel, "pause")).startsWith("Paused: no questions of the day here");
        assertThat(run(channel, "status")).contains("It is paused: nothing goes out until daily resume.");
        assertThat(run(channel, "resume")).isEqualTo("Resumed. The next one: Sunday 29 Nov, 09:00 UTC.");
        assertThat(run(channel, "skip 2026-02-30")).contains("is not a date I can read");
        assertThat(run(channel, "skip 2026-11-20")).isEqualTo("2026-11-20 has passed already; skip today or a later date.");
        assertThat(run(channel, "holidays add 13-01")).contains("is not a day of the year");
        assertThat(run(member, channel, "pause")).startsWith("Only people who manage this channel");
        assertThat(run(member, channel, "preview")).startsWith("Only people who manage this channel can see its next");
        assertThat(run(member, channel, "skip")).as("anyone may look").startsWith("Skipped here:");
    }

    @Test
    void skipTakesTodayTomorrowAndWeekdayNamesInTheChannelsZone() {
        run(channel, "subscribe python-developer 09:00 Pacific/Kiritimati daily");
        // Wednesday 25 Nov 2026, 10:00 UTC is already Thursday 26 Nov, 00:00 on Kiritimati (UTC+14).
        assertThat(run(channel, "skip tomorrow")).startsWith("Skipping Friday 2026-11-27.");
        assertThat(run(channel, "skip Today")).startsWith("Skipping Thursday 2026-11-26.");
        assertThat(run(channel, "skip mon")).startsWith("Skipping Monday 2026-11-30.");
        assertThat(run(channel, "skip thursday")).as("a weekday is the next such day, today included")
                .startsWith("Skipping Thursday 2026-11-26 (some were skipped already)");
        assertThat(run(channel, "skip saturday..tuesday")).startsWith("Skipping 4 days, Saturday 2026-11-28 to"
                + " Tuesday 2026-12-01 (some were skipped already)");
        assertThat(run(channel, "skip someday")).contains("someday").contains("YYYY-MM-DD");
    }

    @Test
    void subscribesWithWordsInAnyOrderAndSaysWhenTheFirstComes() {
        String reply = run(channel, "subscribe Europe/Berlin sql 8:30 mon,wed,fri");
        assertThat(reply).startsWith("This channel gets a sql-and-data question on Monday, Wednesday, Friday at 08:30"
                + " Europe/Berlin, answered privately and revealed with the next question").endsWith(
                "The next one: Friday 27 Nov, 08:30 Europe/Berlin.");
        assertThat(subscriptions.find(channel)).hasValueSatisfying(s -> assertThat(s.times().zone().getId())
                .isEqualTo("Europe/Berlin"));
        assertThat(run(channel, "status")).contains("Next: Friday 27 Nov, 08:30");
    }

    @Test
    void defaultsAreWeekdaysAtNineUtcAndSubscribingAgainChangesIt() {
        assertThat(run(channel, "subscribe")).contains("python-developer question every weekday at 09:00 UTC")
                .contains("Thursday 26 Nov, 09:00 UTC");
        run(channel, "subscribe behavioral 10:00");
        assertThat(subscriptions.all()).singleElement().satisfies(s -> assertThat(s.track()).isEqualTo("behavioral"));
    }

    @Test
    void mistakesAreExplained() {
        assertThat(run(channel, "subscribe Europe/Berln")).contains("Did you mean Europe/Berlin?");
        assertThat(run(channel, "subscribe python-developer 09:00 PST")).as("a short name, read as a zone")
                .contains("Did you mean America/Los_Angeles?");
        assertThat(run(channel, "subscribe 25:00")).contains("HH:MM");
        assertThat(run(channel, "subscribe pythn")).contains("I don't know the track \"pythn\"")
                .contains("Did you mean python-developer?");
        assertThat(run(channel, "subscribe cooking")).contains("I don't know the track \"cooking\"")
                .doesNotContain("Did you mean");
        assertThat(run(channel.thread("t1"), "subscribe")).contains("belongs to a channel");
        assertThat(run(channel, "unsubscribe")).contains("no question of the day to stop");
        assertThat(run(channel, "frobnicate")).contains("daily subscribe");
        assertThat(subscriptions.all()).isEmpty();
    }

    @Test
    void onlyPeopleWhoManageTheChannelChangeItButAnyoneSeesTheStatus() {
        UserRef member = new UserRef(Platform.SLACK, "T1", "UMEMBER");
        assertThat(run(member, channel, "subscribe")).contains("Only people who manage this channel")
                .contains("Manage Channels").contains("daily status");
        assertThat(subscriptions.all()).isEmpty();
        run(channel, "subscribe open");
        assertThat(run(member, channel, "status")).contains("Answers are open, in the thread");
        assertThat(run(member, channel, "unsubscribe")).contains("Only people who manage");
        assertThat(run(member, channel, "now")).contains("Only people who manage");
        assertThat(run(member, channel, "leaderboard on")).contains("Only people who manage");
        assertThat(run(member, channel, "leaderboard")).contains("leaderboard is off");
        assertThat(subscriptions.all()).singleElement().satisfies(s -> assertThat(s.leaderboard()).isFalse());
    }

    @Test
    void nowPostsTodaysQuestionOnceAndRevealShowsTheRecap() {
        run(channel, "subscribe sealed");
        assertThat(run(channel, "now")).startsWith("Posted.");
        assertThat(port.posted.stream().filter(p -> p.text().startsWith("Question of the day"))).hasSize(1);
        assertThat(run(channel, "now")).contains("Today's question is out already");
        assertThat(run(channel, "reveal")).contains("Revealed");
        assertThat(port.posted.stream().filter(p -> p.text().startsWith("The reveal"))).singleElement()
                .satisfies(p -> assertThat(p.place().kind()).isEqualTo(Place.Kind.THREAD));
        assertThat(run(channel, "reveal")).contains("no unrevealed question");
    }

    @Test
    void afterNowTheNextPostNamedIsTheFollowingSlotNotTheOneItUsedUp() {
        run(channel, "subscribe open 14:00");
        assertThat(run(channel, "status")).contains("Next: Wednesday 25 Nov, 14:00 UTC");
        assertThat(run(channel, "now")).startsWith("Posted.").contains("Thursday 26 Nov, 14:00 UTC")
                .doesNotContain("Wednesday");
        assertThat(run(channel, "status")).contains("Next: Thursday 26 Nov, 14:00 UTC");
    }

    @Test
    void topicAndDifficultyFiltersAreCheckedAgainstTheTrack() {
        assertThat(run(channel, "subscribe python-developer topic:nonsense")).contains("No python-developer question matches")
                .contains("Topics in this track:");
        assertThat(run(channel, "subscribe difficulty:7")).contains("Difficulty goes from 1");
        assertThat(subscriptions.all()).isEmpty();
        assertThat(run(channel, "subscribe difficulty:1")).contains("question every weekday");
        assertThat(subscriptions.all()).singleElement().satisfies(s -> assertThat(s.maxDifficulty()).isEqualTo(1));
    }

    @Test
    void aTopicTypedWithAnotherEndingOrALetterOffIsTheTracksTopic() {
        assertThat(run(channel, "subscribe sql-and-data topic:indexing")).contains("question on indexes");
        assertThat(subscriptions.all()).singleElement().satisfies(s -> assertThat(s.topic()).isEqualTo("indexes"));
        assertThat(run(channel, "subscribe sql-and-data topic:transactons")).contains("question on transactions");
    }
}
