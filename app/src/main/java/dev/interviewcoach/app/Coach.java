package dev.interviewcoach.app;

import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.TextAnalyzer;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TracksCommand;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.ProcessedEvents;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The whole coach wired by hand, in one place: every feature, command and handler is named here
 * once. Tests build it the same way with their own clock, seed and database.
 */
public final class Coach implements AutoCloseable {

    private final Database database;
    private final QuestionBanks banks;
    private final SessionRepository sessions;
    private final MockInterviewFeature interviews;
    private final CoachEngine engine;
    private final TextAnalyzer analyzer;

    public Coach(Database database, QuestionBanks banks, MockInterviewFeature.Settings settings, Clock clock,
                 RandomGenerator random) {
        this.database = database;
        this.banks = banks;
        this.analyzer = new TextAnalyzer();
        FeedbackEngine feedback = new RuleBasedFeedbackEngine(banks, analyzer);
        this.sessions = new SessionRepository(database.jdbi());
        this.interviews = new MockInterviewFeature(banks, sessions, new InterviewMachine(banks, feedback),
                new InterviewReplies(), new QuestionPicker(random), clock,
                () -> new UUID(random.nextLong(), random.nextLong()).toString(), settings);
        this.engine = new CoachEngine(
                List.of(interviews, new TracksCommand(banks)),
                List.of(interviews),
                List.of(interviews),
                new ProcessedEvents(database.jdbi(), clock));
    }

    /** Opens the configured database, migrates it and loads the banks. */
    public static Coach start(CoachConfig config, java.util.Map<String, String> env) {
        Database database = Database.open(config.jdbcUrl(env), config.databaseUser(), config.databasePassword());
        try {
            database.migrate();
            QuestionBanks banks = QuestionBanks.load(new BankReader(), config.customBanks());
            return new Coach(database, banks, new MockInterviewFeature.Settings(config.defaultTrack(),
                    config.defaultQuestions(), config.maxQuestions()), Clock.systemUTC(), new Random());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public CoachEngine engine() {
        return engine;
    }

    public MockInterviewFeature interviews() {
        return interviews;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public QuestionBanks banks() {
        return banks;
    }

    @Override
    public void close() {
        analyzer.close();
        database.close();
    }
}
