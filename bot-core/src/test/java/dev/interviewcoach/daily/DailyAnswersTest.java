package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open mode: answers in the post's thread get feedback only their author sees, once per person. */
class DailyAnswersTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));

    @TempDir
    Path dir;

    @Test
    void threeAnswersInTheThreadGetPrivateFeedbackAndOnlyTheFirstOfEachPersonCounts() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Place channel = Place.channel(Platform.SLACK, "T1", "C1");
            SubscriptionRepository subs = new SubscriptionRepository(db.jdbi());
            subs.save(new Subscription("sub", channel, "python-developer", new PostTimes(LocalTime.of(9, 0),
                    ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class)), "UADMIN", Instant.EPOCH));
            DailyPostRepository posts = new DailyPostRepository(db.jdbi());
            RecordingChatPort port = new RecordingChatPort();
            Instant nine = Instant.parse("2026-11-25T09:00:00Z");
            new DailyPoster(subs, posts, BANKS, new QuestionPool(new Random(4)), Duration.ofHours(2)).postDue(nine, port);
            assertThat(port.posted).singleElement().satisfies(p -> assertThat(p.place()).isEqualTo(channel));
            Place thread = channel.thread("m1"); // the recording port names its first message m1
            DailyAnswers answers = new DailyAnswers(db.jdbi(), posts, BANKS,
                    new RuleBasedFeedbackEngine(BANKS, new TextAnalyzer()), new InterviewReplies(),
                    Clock.fixed(nine.plusSeconds(600), ZoneOffset.UTC));
            port.clear();
            for (String user : new String[] {"UANA", "UBEN", "UCAT"}) {
                UserRef person = new UserRef(Platform.SLACK, "T1", user);
                assertThat(answers.onMessage(new Inbound.Message("e-" + user, person, thread,
                        "I would measure first, then fix the slowest part and compare before and after.", nine), port))
                        .isTrue();
                assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(person));
                assertThat(port.last()).startsWith("Score ");
            }
            UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
            answers.onMessage(new Inbound.Message("e-again", ana, thread, "A better second try.", nine), port);
            assertThat(port.last()).contains("already answered");
            assertThat(answers.answerCount("sub", LocalDate.of(2026, 11, 25))).isEqualTo(3);
            assertThat(answers.onMessage(new Inbound.Message("e-x", ana, channel.thread("other"), "hi", nine), port))
                    .as("a thread that is not a daily post is not ours").isFalse();

            var question = BANKS.current().question(posts.byMessage("m1").orElseThrow().questionId()).orElseThrow();
            var recap = new DailyRecap(db.jdbi()).recap("sub", LocalDate.of(2026, 11, 25), question);
            String shown = String.join("\n", recap.blocks().stream().map(Object::toString).toList());
            assertThat(shown).contains("3 people answered").contains(question.exampleAnswer().substring(0, 30))
                    .doesNotContain("UANA").doesNotContain("Score");
        }
    }
}
