package dev.interviewcoach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.MovingClock;
import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask} on the built-in banks: a question's id asks that question, whatever its words match better. */
class AskCommandTest {

    @TempDir
    Path dir;

    @Test
    void aQuestionsIdAsksExactlyThatQuestion() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            MovingClock clock = new MovingClock(Instant.parse("2026-12-01T08:00:00Z"));
            BankCatalog banks = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
            AtomicInteger ids = new AtomicInteger();
            MockInterviewFeature mock = new MockInterviewFeature(banks, new SessionRepository(db.jdbi()),
                    new InterviewMachine(banks, new RuleBasedFeedbackEngine(banks, new TextAnalyzer())),
                    new InterviewReplies(), new QuestionPicker(new Random(7)), clock, () -> "s" + ids.incrementAndGet(),
                    new MockInterviewFeature.Settings("python-developer", 5, 20));
            CoachEngine engine = new CoachEngine(List.of(mock, new AskCommand(banks, mock, new TextAnalyzer(),
                    new Random(1))), new Inbox(db.jdbi(), clock), CoachMetrics.none(),
                    CoachEngine.ConversationGuard.inProcess());
            RecordingChatPort port = new RecordingChatPort();
            UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
            Place dm = Place.direct(Platform.SLACK, "T1", "DANA");

            engine.handle(new Inbound.Command("e1", ana, dm, "ask btree-index-costs", clock.instant()), port);
            assertThat(port.last()).as("its words match the composite-index question better")
                    .contains("Question 1 of 1: How does a B-tree index speed up a query");
        }
    }
}
