package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler posts nothing on a skipped date, a yearly holiday or while paused, and carries on after. */
class ScheduleRulesTest {

    @TempDir
    Path dir;

    @Test
    void aPostThePlatformRefusesIsToldToTheManagerPrivatelyOnceADay() {
        try (Database db = Database.sqlite(dir.resolve("fail.db"))) {
            db.migrate();
            BankCatalog banks = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
            DailyPoster poster = DailyFixture.poster(db, banks, 5);
            Place channel = Place.channel(Platform.SLACK, "T1", "C1");
            new SubscriptionRepository(db.jdbi()).save(new Subscription("sub-f", channel, "python-developer",
                    new PostTimes(LocalTime.of(9, 0), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class)), "UADMIN",
                    Instant.parse("2026-12-01T00:00:00Z")));
            RecordingChatPort recorded = new RecordingChatPort();
            ChatPort refusing = new ChatPort() {
                @Override
                public MessageRef post(Place place, Reply reply) {
                    if (place.equals(channel)) {
                        throw new PlatformRefusal("I am not in that channel");
                    }
                    return recorded.post(place, reply);
                }

                @Override
                public Place openThread(Place where, Reply opening) {
                    throw new PlatformRefusal("I am not in that channel");
                }

                @Override
                public Place openDirect(UserRef user) {
                    return recorded.openDirect(user);
                }

                @Override
                public void update(MessageRef message, Reply reply) {
                    recorded.update(message, reply);
                }
            };
            assertThat(poster.postDue(Instant.parse("2026-12-01T09:01:00Z"), refusing)).isZero();
            assertThat(poster.postDue(Instant.parse("2026-12-01T09:02:00Z"), refusing)).isZero();
            assertThat(recorded.posted).singleElement().satisfies(told -> {
                assertThat(told.place().kind()).isEqualTo(Place.Kind.DIRECT);
                assertThat(told.text()).contains("could not be posted").contains("I am not in that channel")
                        .contains("daily now");
            });
            assertThat(poster.postDue(Instant.parse("2026-12-01T09:03:00Z"), recorded)).as("it keeps trying").isOne();
        }
    }

    @Test
    void skippedDatesHolidaysAndPausesBlockTheScheduledPostAndNothingElse() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            BankCatalog banks = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
            DailyPoster poster = DailyFixture.poster(db, banks, 5);
            ScheduleRules rules = new ScheduleRules(db.jdbi());
            new SubscriptionRepository(db.jdbi()).save(new Subscription("sub-r", Place.channel(Platform.SLACK, "T1", "C1"),
                    "python-developer", new PostTimes(LocalTime.of(9, 0), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class)),
                    "UADMIN", Instant.parse("2026-12-01T00:00:00Z")));
            RecordingChatPort port = new RecordingChatPort();
            rules.skip("sub-r", List.of(LocalDate.of(2026, 12, 1)));
            rules.addHoliday("sub-r", MonthDay.of(12, 2));
            assertThat(poster.postDue(Instant.parse("2026-12-01T09:01:00Z"), port)).as("a skipped date").isZero();
            assertThat(poster.postDue(Instant.parse("2026-12-02T09:01:00Z"), port)).as("a holiday").isZero();
            assertThat(poster.postDue(Instant.parse("2026-12-03T09:01:00Z"), port)).as("an ordinary day").isOne();
            rules.pause("sub-r", true);
            assertThat(poster.postDue(Instant.parse("2026-12-04T09:01:00Z"), port)).as("paused").isZero();
            rules.pause("sub-r", false);
            assertThat(poster.postDue(Instant.parse("2026-12-05T09:01:00Z"), port)).as("resumed").isOne();
            assertThat(rules.blocks("sub-r", LocalDate.of(2027, 12, 2))).as("the holiday comes back every year").isTrue();

            Subscription sub = new SubscriptionRepository(db.jdbi()).byId("sub-r").orElseThrow();
            String previewed = poster.preview(sub).orElseThrow().text();
            assertThat(poster.preview(sub).orElseThrow().text()).as("the same question until it is posted").isEqualTo(previewed);
            assertThat(poster.postDue(Instant.parse("2026-12-06T09:01:00Z"), port)).isOne();
            assertThat(port.posted.getLast().text()).as("the post shows the question the preview showed").contains(previewed);
        }
    }
}
