package dev.interviewcoach.app;

import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.interview.AskCommand;
import dev.interviewcoach.interview.InterviewHome;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.ReviewCommand;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.BankWatcher;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TracksCommand;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.ProcessedEvents;
import dev.interviewcoach.text.TextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The whole coach wired by hand, in one place: every feature, command and handler is named here
 * once. Tests build it the same way with their own clock, seed and database.
 */
public final class Coach implements AutoCloseable {

    private final Database database;
    private final BankCatalog banks;
    private final SessionRepository sessions;
    private final MockInterviewFeature interviews;
    private final CoachEngine engine;
    private final TextAnalyzer analyzer;
    private final Optional<BankWatcher> watcher;

    public Coach(Database database, BankCatalog banks, Optional<BankWatcher> watcher,
                 MockInterviewFeature.Settings settings, Clock clock, RandomGenerator random) {
        this.database = database;
        this.banks = banks;
        this.watcher = watcher;
        this.analyzer = new TextAnalyzer();
        FeedbackEngine feedback = new RuleBasedFeedbackEngine(banks, analyzer);
        this.sessions = new SessionRepository(database.jdbi());
        this.interviews = new MockInterviewFeature(banks, sessions, new InterviewMachine(banks, feedback),
                new InterviewReplies(), new QuestionPicker(random), clock,
                () -> new UUID(random.nextLong(), random.nextLong()).toString(), settings);
        this.engine = new CoachEngine(
                List.of(interviews, new AskCommand(banks, interviews, analyzer), new ReviewCommand(sessions, interviews),
                        new TracksCommand(banks)),
                List.of(interviews),
                List.of(interviews),
                List.of(new InterviewHome(sessions, banks)),
                new ProcessedEvents(database.jdbi(), clock));
    }

    /** Opens the configured database, migrates it and loads the banks, watching the custom folder if any. */
    public static Coach start(CoachConfig config, Map<String, String> env) {
        Database database = Database.open(config.jdbcUrl(env), config.databaseUser(), config.databasePassword());
        try {
            database.migrate();
            BankReader reader = new BankReader();
            BankCatalog catalog = BankCatalog.of(QuestionBanks.load(reader, config.customBanks()));
            Optional<BankWatcher> watcher = Optional.empty();
            if (config.customBanks().isPresent() && Files.isDirectory(config.customBanks().get())) {
                watcher = Optional.of(new BankWatcher(config.customBanks().get(), reader, catalog));
            }
            return new Coach(database, catalog, watcher, new MockInterviewFeature.Settings(config.defaultTrack(),
                    config.defaultQuestions(), config.maxQuestions()), Clock.systemUTC(), new Random());
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("cannot watch the custom bank folder", e);
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
        return banks.current();
    }

    @Override
    public void close() {
        watcher.ifPresent(w -> {
            try {
                w.close();
            } catch (IOException ignored) {
                // closing a watch service on shutdown; nothing to do
            }
        });
        analyzer.close();
        database.close();
    }
}
