package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
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
import java.util.List;
import java.util.Optional;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The question of the day by DM at a person's own time: once a day, across instances, and across a clock change. */
class DailyDirectTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private static final Place CHANNEL = Place.channel(Platform.SLACK, "T1", "C1");
    private static final UserRef ANA = new UserRef(Platform.SLACK, "T1", "UANA");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private DailyDirect direct(Database db) {
        return new DailyDirect(db.jdbi(), new SubscriptionRepository(db.jdbi()), new DailyPostRepository(db.jdbi()),
                new DailyAnswerRepository(db.jdbi()), BANKS, user -> Optional.empty(), Duration.ofHours(2),
                Duration.ofMinutes(1));
    }

    /** A channel posting every day at 09:00 Berlin, with Ana taking it by DM at 07:30 Berlin. */
    private Subscription subscribe(Database db, DailyDirect direct, Instant now) {
        Subscription s = new SubscriptionRepository(db.jdbi()).save(new Subscription("sub-1", CHANNEL, "python-developer",
                new PostTimes(LocalTime.of(9, 0), BERLIN, EnumSet.allOf(DayOfWeek.class)),
                "UADMIN", now));
        direct.turnOn(s, ANA, Optional.of("07:30"), Optional.of("Europe/Berlin"), new RecordingChatPort(), now);
        return s;
    }

    private static List<RecordingChatPort.Posted> dms(RecordingChatPort port) {
        return port.posted.stream().filter(p -> p.place().kind() == Place.Kind.DIRECT).toList();
    }

    @Test
    void twoInstancesSendEachDayOnceAndTheNextDayBringsTheNextQuestion() throws Exception {
        try (Database a = Database.sqlite(dir.resolve("coach.db")); Database b = Database.sqlite(dir.resolve("coach.db"))) {
            a.migrate();
            Instant start = Instant.parse("2026-11-23T07:00:00Z"); // 08:00 Berlin: Monday's 07:30 has passed
            DailyDirect first = direct(a);
            DailyDirect second = direct(b);
            subscribe(a, first, start);
            DailyPoster poster = DailyFixture.poster(a, BANKS, 3);
            RecordingChatPort port = new RecordingChatPort();
            poster.postDue(Instant.parse("2026-11-23T08:00:00Z"), port); // Monday 09:00 Berlin
            assertThat(first.sendDue(Instant.parse("2026-11-23T08:01:00Z"), ChatPorts.only(port))).as("Monday's 07:30 was before turning it on")
                    .isZero();

            Instant tuesday0730 = Instant.parse("2026-11-24T06:30:00Z");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> tries = List.of(() -> first.sendDue(tuesday0730, ChatPorts.only(port)), () -> second.sendDue(tuesday0730, ChatPorts.only(port)),
                    () -> first.sendDue(tuesday0730.plusSeconds(30), ChatPorts.only(port)), () -> second.sendDue(tuesday0730.plusSeconds(60), ChatPorts.only(port)));
            int sent = 0;
            for (Future<Integer> f : pool.invokeAll(tries)) {
                sent += f.get();
            }
            pool.shutdown();
            assertThat(sent).isEqualTo(1);
            assertThat(dms(port)).singleElement().satisfies(dm -> assertThat(dm.text()).startsWith("Your question of the day"));
            String monday = new DailyPostRepository(a.jdbi()).find("sub-1", java.time.LocalDate.of(2026, 11, 23))
                    .orElseThrow().questionId();
            assertThat(dms(port).getFirst().text()).contains(BANKS.current().question(monday).orElseThrow().text());

            poster.postDue(Instant.parse("2026-11-24T08:00:00Z"), port); // Tuesday's post reveals Monday's
            assertThat(first.sendDue(Instant.parse("2026-11-24T08:30:00Z"), ChatPorts.only(port))).as("one a day").isZero();
            assertThat(first.sendDue(Instant.parse("2026-11-25T06:31:00Z"), ChatPorts.only(port))).isEqualTo(1);
            String tuesday = new DailyPostRepository(a.jdbi()).find("sub-1", java.time.LocalDate.of(2026, 11, 24))
                    .orElseThrow().questionId();
            assertThat(dms(port).getLast().text()).contains(BANKS.current().question(tuesday).orElseThrow().text());
            assertThat(first.sendDue(Instant.parse("2026-11-26T06:31:00Z"), ChatPorts.only(port)))
                    .as("nothing new posted since: no DM repeats a question").isZero();
        }
    }

    @Test
    void theTimeIsLocalAcrossTheClockChangeAndNotSentLaterThanTheGraceWindow() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            DailyDirect direct = direct(db);
            Instant start = Instant.parse("2027-03-26T10:00:00Z");
            subscribe(db, direct, start);
            DailyPoster poster = DailyFixture.poster(db, BANKS, 3);
            RecordingChatPort port = new RecordingChatPort();
            poster.postDue(Instant.parse("2027-03-27T08:00:00Z"), port); // Saturday 09:00 CET
            // Sunday 28 March: clocks go forward at 02:00, so 07:30 Berlin is 05:30 UTC, not 06:30.
            assertThat(direct.sendDue(Instant.parse("2027-03-28T05:00:00Z"), ChatPorts.only(port))).isZero();
            assertThat(direct.sendDue(Instant.parse("2027-03-28T05:31:00Z"), ChatPorts.only(port))).isEqualTo(1);

            poster.postDue(Instant.parse("2027-03-28T07:00:00Z"), port); // Sunday 09:00 CEST
            assertThat(direct.sendDue(Instant.parse("2027-03-29T08:00:00Z"), ChatPorts.only(port)))
                    .as("Monday 10:00 Berlin is two and a half hours after 07:30: past the grace window").isZero();
        }
    }
}
