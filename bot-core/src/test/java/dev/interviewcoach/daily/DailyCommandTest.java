package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
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
        daily = new DailyCommand(subscriptions, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                "python-developer", Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), () -> "sub-1");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String run(Place place, String words) {
        daily.handle(new Inbound.Command("e", admin, place, "daily " + words, Instant.EPOCH),
                List.of(words.split(" ")).stream().filter(w -> !w.isBlank()).toList(), port);
        return port.last();
    }

    @Test
    void subscribesWithWordsInAnyOrderAndSaysWhenTheFirstComes() {
        String reply = run(channel, "subscribe Europe/Berlin sql 8:30 mon,wed,fri");
        assertThat(reply).isEqualTo("This channel gets a sql-and-data question on Monday, Wednesday, Friday at 08:30"
                + " Europe/Berlin. The first one: Friday 27 Nov, 08:30 Europe/Berlin.");
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
        assertThat(run(channel, "subscribe 25:00")).contains("HH:MM");
        assertThat(run(channel, "subscribe pythn")).contains("I don't know the track \"pythn\"");
        assertThat(run(channel.thread("t1"), "subscribe")).contains("belongs to a channel");
        assertThat(run(channel, "unsubscribe")).contains("no question of the day to stop");
        assertThat(run(channel, "frobnicate")).contains("daily subscribe");
        assertThat(subscriptions.all()).isEmpty();
    }
}
