package dev.interviewcoach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import dev.interviewcoach.command.CommandGrammar;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zone}: a Discord member, whose zone the platform cannot tell, sets the zone their days are counted in, once
 * for every server and their DMs, and the streak reminder follows it.
 */
class ZoneCommandTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));

    @TempDir
    Path dir;

    @Test
    void aDiscordMemberSetsTheirZoneOnceForEveryServerAndTheReminderFollowsIt() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            PersonRepository people = new PersonRepository(db.jdbi());
            PreferencesCommand preferences = new PreferencesCommand(people);
            RecordingChatPort port = new RecordingChatPort();
            UserRef inServer = new UserRef(Platform.DISCORD, "700", "42");
            UserRef inDm = new UserRef(Platform.DISCORD, "dm", "42");
            Place channel = Place.channel(Platform.DISCORD, "700", "C1");

            assertThat(run(preferences, port, inServer, channel, "zone")).startsWith("Your days are counted in UTC, since"
                    + " I don't know your time zone. Set it with: zone Europe/Berlin");
            assertThat(run(preferences, port, inServer, channel, "zone Europe/Berln"))
                    .contains("\"Europe/Berln\" is not a time zone I know. Did you mean Europe/Berlin?");
            assertThat(people.zone(inServer)).as("a typo changes nothing").isEmpty();
            assertThat(run(preferences, port, inServer, channel, "zone america/new york"))
                    .as("a name with a space, in small letters").startsWith("Your days are counted in America/New_York");

            assertThat(run(preferences, port, inServer, channel, "timezone Asia/Tokyo"))
                    .startsWith("Your days are counted in Asia/Tokyo from now on");
            assertThat(run(preferences, port, inServer, channel, "zone")).startsWith("Your days are counted in Asia/Tokyo."
                    + " Change it with: zone Europe/Berlin");
            assertThat(port.posted).allSatisfy(p -> assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(inServer)));

            // Reminders turned on in her DMs, with another zone: it replaces the one set in the server.
            assertThat(run(preferences, port, inDm, Place.direct(Platform.DISCORD, "dm", "D42"),
                    "remind on America/New_York")).contains("after 18:00 in America/New_York");
            assertThat(people.zone(inServer)).contains(ZoneId.of("America/New_York"));
            assertThat(people.zone(new UserRef(Platform.DISCORD, "800", "42"))).as("a server she has not set anything in")
                    .contains(ZoneId.of("America/New_York"));

            String question = BANKS.current().tracks().getFirst().questions().getFirst().id();
            new DailyAnswerRepository(db.jdbi()).add(new DailyAnswerRepository.Answer("sub", LocalDate.of(2026, 11, 24),
                    inServer, question, "text", 3, List.of(), List.of(), false, Instant.parse("2026-11-24T15:00:00Z")));
            Reminders reminders = new Reminders(people, new ProgressService(new SessionRepository(db.jdbi()),
                    new DailyAnswerRepository(db.jdbi()), new PairingRepository(db.jdbi()), people, new SamePerson(db.jdbi()),
                    BANKS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), Duration.ofMinutes(1));
            RecordingChatPort dms = new RecordingChatPort();
            assertThat(reminders.sendDue(Instant.parse("2026-11-25T18:05:00Z"), ChatPorts.only(dms)))
                    .as("18:05 in UTC is 13:05 in New York: not evening yet").isZero();
            assertThat(reminders.sendDue(Instant.parse("2026-11-25T23:05:00Z"), ChatPorts.only(dms))).isOne();
            assertThat(dms.last()).contains("streak ends tonight");
        }
    }

    private static String run(PreferencesCommand preferences, RecordingChatPort port, UserRef who, Place place,
                              String words) {
        Inbound.Command command = new Inbound.Command("e", who, place, words, Instant.EPOCH);
        switch (new CommandGrammar(preferences.commands()).parse(command.text())) {
            case CommandGrammar.Parse.Parsed parsed -> preferences.handle(command, parsed.input(), port);
            case CommandGrammar.Parse other -> throw new AssertionError("not a preferences command: " + other);
        }
        return port.last();
    }
}
