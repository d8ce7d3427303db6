package dev.interviewcoach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.pair.PairingRepository;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SamePerson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Your streak ends tonight": opt-in, evening in the person's zone, once a day even with two instances, never muted. */
class RemindersTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));

    @TempDir
    Path dir;

    @Test
    void oneReminderAnEveningAcrossTwoInstancesOnlyForALiveStreakAndNeverWhenMuted() {
        try (Database one = Database.sqlite(dir.resolve("coach.db")); Database two = Database.sqlite(dir.resolve("coach.db"))) {
            one.migrate();
            UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
            UserRef ben = new UserRef(Platform.SLACK, "T1", "UBEN");
            UserRef cat = new UserRef(Platform.SLACK, "T1", "UCAT");
            PersonRepository people = new PersonRepository(one.jdbi());
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            people.save(new PersonRepository.Person(ana, false, true, Optional.of(berlin), Optional.empty()));
            people.save(new PersonRepository.Person(ben, true, true, Optional.of(berlin), Optional.empty()));
            people.save(new PersonRepository.Person(cat, false, true, Optional.of(berlin), Optional.empty()));
            DailyAnswerRepository answers = new DailyAnswerRepository(one.jdbi());
            String question = BANKS.current().tracks().getFirst().questions().getFirst().id();
            for (UserRef who : List.of(ana, ben)) { // both answered yesterday; Cat never did
                answers.add(new DailyAnswerRepository.Answer("sub", LocalDate.of(2026, 11, 24), who, question, "text", 3,
                        List.of(), List.of(), false, Instant.parse("2026-11-24T09:00:00Z")));
            }
            RecordingChatPort port = new RecordingChatPort();
            List<Reminders> instances = List.of(reminders(one), reminders(two));
            // 17:30 in Berlin (16:30 UTC): too early.
            assertThat(instances.getFirst().sendDue(Instant.parse("2026-11-25T16:30:00Z"), ChatPorts.only(port))).isZero();
            int sent = 0;
            for (String t : List.of("2026-11-25T17:05:00Z", "2026-11-25T17:05:00Z", "2026-11-25T20:00:00Z")) {
                for (Reminders r : instances) {
                    sent += r.sendDue(Instant.parse(t), ChatPorts.only(port));
                }
            }
            assertThat(sent).isEqualTo(1);
            assertThat(port.posted).singleElement().satisfies(p -> {
                assertThat(p.place().channelId()).isEqualTo("D-UANA");
                assertThat(p.text()).contains("1-day streak ends tonight");
            });
        }
    }

    @Test
    void aDiscordPersonWithRemindersOnInAServerAndInTheirDmsGetsOneReminder() {
        try (Database one = Database.sqlite(dir.resolve("coach.db")); Database two = Database.sqlite(dir.resolve("coach.db"))) {
            one.migrate();
            UserRef inServer = new UserRef(Platform.DISCORD, "700", "42");
            UserRef inDm = new UserRef(Platform.DISCORD, "dm", "42");
            PersonRepository people = new PersonRepository(one.jdbi());
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            people.save(new PersonRepository.Person(inServer, false, true, Optional.of(berlin), Optional.empty()));
            people.save(new PersonRepository.Person(inDm, false, true, Optional.of(berlin), Optional.empty()));
            String question = BANKS.current().tracks().getFirst().questions().getFirst().id();
            new DailyAnswerRepository(one.jdbi()).add(new DailyAnswerRepository.Answer("sub", LocalDate.of(2026, 11, 24),
                    inServer, question, "text", 3, List.of(), List.of(), false, Instant.parse("2026-11-24T09:00:00Z")));
            RecordingChatPort port = new RecordingChatPort();
            int sent = 0;
            for (String t : List.of("2026-11-25T17:05:00Z", "2026-11-25T18:00:00Z", "2026-11-25T21:00:00Z")) {
                for (Reminders r : List.of(reminders(one), reminders(two))) {
                    sent += r.sendDue(Instant.parse(t), ChatPorts.only(port));
                }
            }
            assertThat(sent).as("one streak, one reminder, though two places asked for them").isOne();
            assertThat(port.posted).singleElement().satisfies(p -> assertThat(p.text()).contains("1-day streak ends tonight"));

            // She answers the next day, then mutes the coach in her DMs: no reminder from the server's settings either.
            new DailyAnswerRepository(one.jdbi()).add(new DailyAnswerRepository.Answer("sub", LocalDate.of(2026, 11, 25),
                    inServer, question, "text", 3, List.of(), List.of(), false, Instant.parse("2026-11-25T21:30:00Z")));
            people.setMutedEverywhere(inDm, true);
            people.save(new PersonRepository.Person(inDm, true, true, Optional.of(berlin), people.get(inDm).remindedOn()));
            assertThat(people.muted(inServer)).as("muted in her DMs is muted in the server").isTrue();
            assertThat(reminders(one).sendDue(Instant.parse("2026-11-26T18:00:00Z"), ChatPorts.only(port))).isZero();
            people.setMutedEverywhere(inServer, false);
            assertThat(people.muted(inDm)).as("unmuted anywhere is unmuted everywhere").isFalse();
            assertThat(reminders(one).sendDue(Instant.parse("2026-11-26T18:05:00Z"), ChatPorts.only(port))).isOne();
            assertThat(people.muted(new UserRef(Platform.SLACK, "T1", "42"))).as("Slack: per workspace").isFalse();

            UserRef inOtherServer = new UserRef(Platform.DISCORD, "800", "42");
            assertThat(people.zone(inOtherServer)).as("a zone set elsewhere counts her days in a new server")
                    .contains(berlin);
            assertThat(people.zone(new UserRef(Platform.SLACK, "T9", "42"))).as("Slack: per workspace").isEmpty();
        }
    }

    private static Reminders reminders(Database db) {
        PersonRepository people = new PersonRepository(db.jdbi());
        return new Reminders(people, new ProgressService(new SessionRepository(db.jdbi()), new DailyAnswerRepository(db.jdbi()),
                new PairingRepository(db.jdbi()),
                people, new SamePerson(db.jdbi()), BANKS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), java.time.Duration.ofMinutes(1));
    }
}
