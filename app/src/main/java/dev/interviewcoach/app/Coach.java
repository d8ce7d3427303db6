package dev.interviewcoach.app;

import dev.interviewcoach.chart.ScoreChart;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.console.ConsoleChannel;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.daily.DailyAnswers;
import dev.interviewcoach.daily.DailyCommand;
import dev.interviewcoach.daily.DailyDirect;
import dev.interviewcoach.daily.DailyPostRepository;
import dev.interviewcoach.daily.DailyPoster;
import dev.interviewcoach.daily.DailyRecap;
import dev.interviewcoach.daily.Leaderboard;
import dev.interviewcoach.daily.QuestionPool;
import dev.interviewcoach.daily.ScheduleRules;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.digest.DigestFeature;
import dev.interviewcoach.digest.DigestReport;
import dev.interviewcoach.digest.DigestRepository;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.Feature;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.reviewer.LanguageModelReviewer;
import dev.interviewcoach.feedback.reviewer.ReviewingFeedbackEngine;
import dev.interviewcoach.interview.AskCommand;
import dev.interviewcoach.interview.InterviewHome;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.interview.TracksCommand;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.observe.TimedFeedbackEngine;
import dev.interviewcoach.pair.PairingRepository;
import dev.interviewcoach.pair.PeerPairingFeature;
import dev.interviewcoach.progress.PersonRepository;
import dev.interviewcoach.progress.PreferencesCommand;
import dev.interviewcoach.progress.PrivacyFeature;
import dev.interviewcoach.progress.ProgressService;
import dev.interviewcoach.progress.Reminders;
import dev.interviewcoach.progress.StatsCommand;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.BankWatcher;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.review.Fsrs;
import dev.interviewcoach.review.ReviewCommand;
import dev.interviewcoach.review.ReviewRepository;
import dev.interviewcoach.review.SpacedReview;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.store.Leases;
import dev.interviewcoach.store.SamePerson;
import dev.interviewcoach.tenant.Installations;
import dev.interviewcoach.tenant.TenantLifecycle;
import dev.interviewcoach.text.TextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import dev.interviewcoach.store.SqliteBackup;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole coach wired by hand, in one place: every feature, command and handler is named here
 * once. Tests build it the same way with their own clock, seed and database.
 */
public final class Coach implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Coach.class);

    private final Database database;
    private final Leases leases;
    private final Installations installations;
    private final BankCatalog banks;
    private final SessionRepository sessions;
    private final MockInterviewFeature interviews;
    private final PeerPairingFeature pairing;
    private final CoachEngine engine;
    private final TextAnalyzer analyzer;
    private final Optional<BankWatcher> watcher;
    private final CoachMetrics metrics;
    private final SubscriptionRepository subscriptions;
    private final DailyPostRepository posts;
    private final TenantLifecycle tenants;
    private final RuleBasedFeedbackEngine judging;

    /**
     * Settings of the question of the day: the default track, how late a missed post may still go
     * out, and how often to look for posts and reminders that are due.
     */
    public record DailySettings(String defaultTrack, Duration grace, Duration checkEvery) {
        public DailySettings(String defaultTrack, Duration grace) {
            this(defaultTrack, grace, Duration.ofSeconds(30));
        }
    }

    public Coach(Database database, BankCatalog banks, Optional<BankWatcher> watcher,
                 MockInterviewFeature.Settings settings, Clock clock, RandomGenerator random) {
        this(database, banks, watcher, settings, new DailySettings(settings.defaultTrack(), Duration.ofHours(2)), clock,
                random);
    }

    /** As above, sending replies on {@code deliveries}, as {@code coach run} does, instead of on the event's lane. */
    public Coach(Database database, BankCatalog banks, Optional<BankWatcher> watcher,
                 MockInterviewFeature.Settings settings, Clock clock, RandomGenerator random, CoachEngine.Lanes deliveries) {
        this(database, banks, watcher, settings, new DailySettings(settings.defaultTrack(), Duration.ofHours(2)), clock,
                random, CoachMetrics.none(), Optional.empty(), Optional.empty(), DEFAULT_GRACE, deliveries);
    }

    public Coach(Database database, BankCatalog banks, Optional<BankWatcher> watcher,
                 MockInterviewFeature.Settings settings, DailySettings daily, Clock clock, RandomGenerator random) {
        this(database, banks, watcher, settings, daily, clock, random, CoachMetrics.none(), Optional.empty());
    }

    /** The coach, judging answers by meaning as well as words when given a sentence model. */
    public Coach(Database database, BankCatalog banks, Optional<BankWatcher> watcher,
                 MockInterviewFeature.Settings settings, DailySettings daily, Clock clock, RandomGenerator random,
                 CoachMetrics metrics, Optional<CachedEmbedder> sentenceModel) {
        this(database, banks, watcher, settings, daily, clock, random, metrics, sentenceModel, Optional.empty());
    }

    /**
     * The coach, with the language-model reviewer's second opinion on every answer when one is given
     * (in chat, the console, mock interviews and questions of the day alike).
     */
    public Coach(Database database, BankCatalog banks, Optional<BankWatcher> watcher,
                 MockInterviewFeature.Settings settings, DailySettings daily, Clock clock, RandomGenerator random,
                 CoachMetrics metrics, Optional<CachedEmbedder> sentenceModel, Optional<LanguageModelReviewer> reviewer) {
        this(database, banks, watcher, settings, daily, clock, random, metrics, sentenceModel, reviewer, DEFAULT_GRACE,
                CoachEngine.Lanes.callerRuns());
    }

    /** How long a week's peer pair has to meet before the pairing closes and a no-show counts. */
    public static final Duration PAIRING_WINDOW = Duration.ofDays(3);

    /** How long a workspace that removed the coach keeps its data, unless configured otherwise. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(30);

    /**
     * The coach, keeping the data of a workspace that removed it for {@code workspaceGrace} before
     * deleting it (a scheduled job), unless the workspace installs it again.
     */
    public Coach(Database database, BankCatalog banks, Optional<BankWatcher> watcher,
                 MockInterviewFeature.Settings settings, DailySettings daily, Clock clock, RandomGenerator random,
                 CoachMetrics metrics, Optional<CachedEmbedder> sentenceModel, Optional<LanguageModelReviewer> reviewer,
                 Duration workspaceGrace, CoachEngine.Lanes deliveries) {
        this.metrics = metrics;
        this.database = database;
        this.leases = new Leases(database.jdbi(), clock);
        this.banks = banks;
        this.watcher = watcher;
        this.analyzer = new TextAnalyzer();
        Jdbi jdbi = database.jdbi();
        Supplier<String> ids = () -> new UUID(random.nextLong(), random.nextLong()).toString();
        // Start-up never waits for the sentence model (about half a second to load) or for the questions' vectors
        // (kept in the vector cache once made): coach run readies them once it is ready (prepareJudging), and an
        // answer that comes first makes what it needs itself.
        this.judging = new RuleBasedFeedbackEngine(banks, analyzer, sentenceModel);
        FeedbackEngine timed = new TimedFeedbackEngine(judging, metrics);
        // The reviewer is a second opinion around the engine: it moves a score by one point at most, and
        // whenever it cannot answer in time the engine's feedback goes out as it is.
        FeedbackEngine feedback = reviewer.<FeedbackEngine>map(r -> new ReviewingFeedbackEngine(timed, r)).orElse(timed);
        InterviewReplies replies = new InterviewReplies();
        this.sessions = new SessionRepository(jdbi);
        this.subscriptions = new SubscriptionRepository(jdbi);
        this.posts = new DailyPostRepository(jdbi);
        this.tenants = new TenantLifecycle(jdbi, clock, workspaceGrace, Duration.ofHours(1));
        DailyAnswerRepository dailyAnswers = new DailyAnswerRepository(jdbi);
        PersonRepository people = new PersonRepository(jdbi);
        SamePerson samePerson = new SamePerson(jdbi);
        PairingRepository pairs = new PairingRepository(jdbi);
        ProgressService progress = new ProgressService(sessions, dailyAnswers, pairs, people, samePerson, banks, clock);
        ReviewRepository reviewCards = new ReviewRepository(jdbi);
        SpacedReview reviews = new SpacedReview(reviewCards, new Fsrs(0.9), samePerson);
        this.interviews = new MockInterviewFeature(banks, sessions, new InterviewMachine(banks, feedback), replies,
                new QuestionPicker(random), clock, ids, settings, progress, reviews);
        Leaderboard leaderboard = new Leaderboard(dailyAnswers);
        ScheduleRules scheduleRules = new ScheduleRules(jdbi);
        DailyPoster poster = new DailyPoster(subscriptions, posts, dailyAnswers, banks, new QuestionPool(random),
                new DailyRecap(dailyAnswers, leaderboard), daily.grace(), daily.checkEvery(), scheduleRules, metrics,
                database::besideTheUnit);
        DailyDirect directs = new DailyDirect(jdbi, subscriptions, posts, dailyAnswers, banks,
                people::zone, daily.grace(), daily.checkEvery());
        StatsCommand stats = new StatsCommand(progress, reviews::dueCount, clock);
        DigestRepository digests = new DigestRepository(jdbi);
        DigestFeature digest = new DigestFeature(digests, new DigestReport(digests, banks, people::muted,
                ScoreChart::forZone), subscriptions, people::muted, clock, daily.grace(), daily.checkEvery());
        this.pairing = new PeerPairingFeature(pairs, banks, feedback, reviews, new QuestionPicker(random),
                people::zone, people::muted, ids, clock,
                PAIRING_WINDOW,
                daily.grace(), daily.checkEvery());
        // Every feature, once. The engine finds what each does (commands, messages, buttons, the
        // home page, scheduled work) by the interfaces it implements; messages are offered in this
        // order, so a person's own interview comes before a question of the day's thread.
        List<Feature> features = List.of(
                interviews,
                new AskCommand(banks, interviews, analyzer, random),
                new ReviewCommand(sessions, interviews, reviews, banks, clock, people::zone),
                new TracksCommand(banks),
                new DailyCommand(subscriptions, banks, daily.defaultTrack(), poster, leaderboard, scheduleRules, directs, clock, ids),
                new DailyAnswers(subscriptions, posts, dailyAnswers, banks, feedback, interviews::start, clock, reviews,
                        Optional.of(directs), settings.joinWithin()),
                poster,
                directs,
                stats,
                new PreferencesCommand(people),
                new Reminders(people, progress, daily.checkEvery(), reviews::dueCount),
                digest,
                pairing,
                new PrivacyFeature(jdbi, sessions, dailyAnswers, people, subscriptions, reviewCards, directs, digests, pairs,
                        samePerson, clock),
                new InterviewHome(sessions, banks, stats::page),
                tenants);
        this.engine = new CoachEngine(features, new Inbox(jdbi, clock), metrics, database.isSqlite()
                ? CoachEngine.ConversationGuard.inProcess()
                : CoachEngine.ConversationGuard.everyInstance(database::exclusively), deliveries);
        metrics.gauge("coach.sessions.active", "Mock interviews in progress", sessions::activeCount);
        database.writeTurn().ifPresent(metrics::writeTurn);
        this.installations = new Installations(jdbi, tenants);
        metrics.gauge("coach.installations", "Slack workspaces that installed the coach by OAuth", installations::count);
        metrics.gauge("coach.workspaces.active", "Workspaces (Slack teams, Discord servers) with an answer scored in the"
                + " last 24 hours", () -> installations.activeSince(clock.instant().minus(Duration.ofDays(1))));
    }

    /**
     * Runs every scheduled job once, at {@code now}: questions of the day that are due (revealing
     * the previous ones), streak reminders, housekeeping. The console does this as a running bot's
     * scheduler would; claims in the database make each post and reminder happen once.
     */
    public void tick(Instant now, ChatPorts ports) {
        engine.jobs().forEach(job -> job.work().run(now, ports));
    }

    /**
     * An SQLite database that this version is about to bring to a newer schema is copied first (as {@code coach backup}
     * does, into the backups folder), so going back to the version before stays possible. With
     * {@code database.backups.keep: 0} no copies are made at all.
     */
    private static void beforeUpgrade(CoachConfig config, Map<String, String> env, Database database) {
        Optional<Path> file = config.sqliteFile(env);
        OptionalInt applied = database.appliedVersion();
        if (file.isEmpty() || applied.isEmpty() || applied.getAsInt() >= Database.schemaVersion()
                || config.backups().keep() == 0) {
            return;
        }
        Path folder = DailyBackups.folderFor(file.get(), config.backups().folder());
        String name = file.get().getFileName().toString().replaceFirst("\\.db$", "");
        Path copy = folder.resolve(name + "-before-schema-" + Database.schemaVersion() + "-"
                + BackupCommand.STAMP.format(Instant.now()) + ".db");
        try {
            SqliteBackup.Copy made = SqliteBackup.take(file.get(), copy);
            log.info("copied the database to {} before bringing it from schema version {} to {}", made.file(),
                    applied.getAsInt(), Database.schemaVersion());
        } catch (SqliteBackup.BackupException e) {
            database.close();
            String why = e.getMessage();
            throw new StartupFailure("This version brings the database to a newer schema (" + applied.getAsInt()
                    + " to " + Database.schemaVersion() + ") and copies it first, and the copy failed: " + why
                    + (why.endsWith(".") ? "" : ".") + " Make room or permission in " + folder + ", or set"
                    + " database.backups.folder (COACH_DATABASE_BACKUPS_FOLDER) to another folder; to upgrade without"
                    + " a copy, set database.backups.keep to 0 (which also turns off the daily copies).", e);
        }
    }

    /** Opens the configured database, migrates it and loads the banks, watching the custom folder if any. */
    public static Coach start(CoachConfig config, Map<String, String> env) {
        return start(config, env, Clock.systemUTC());
    }

    /** As {@link #start(CoachConfig, Map)}, on a given clock (the console's movable one). */
    public static Coach start(CoachConfig config, Map<String, String> env, Clock clock) {
        return start(config, env, clock, CoachMetrics.none());
    }

    /** As {@link #start(CoachConfig, Map, Clock)}, recording into {@code metrics}. */
    public static Coach start(CoachConfig config, Map<String, String> env, Clock clock, CoachMetrics metrics) {
        return start(config, env, clock, metrics, CoachEngine.Lanes.callerRuns());
    }

    /**
     * As {@link #start(CoachConfig, Map, Clock, CoachMetrics)}, sending replies on {@code deliveries}
     * (the delivery lanes of {@code coach run}) instead of on the lane that handled the event.
     */
    public static Coach start(CoachConfig config, Map<String, String> env, Clock clock, CoachMetrics metrics,
                              CoachEngine.Lanes deliveries) {
        return start(config, env, clock, metrics, deliveries, () -> SentenceModel.of(config.feedback()));
    }

    /** As {@link #start(CoachConfig, Map, Clock)}, for a terminal command that a stop may end only between steps. */
    static Coach start(CoachConfig config, Map<String, String> env, Clock clock, StopOutsideTheModel stops) {
        return start(config, env, clock, CoachMetrics.none(), CoachEngine.Lanes.callerRuns(),
                () -> SentenceModel.of(config.feedback(), stops));
    }

    private static Coach start(CoachConfig config, Map<String, String> env, Clock clock, CoachMetrics metrics,
                               CoachEngine.Lanes deliveries, Supplier<Optional<CachedEmbedder>> sentenceModel) {
        long began = System.nanoTime();
        // The banks do not need the database: read them on a second core while it opens and migrates.
        BankReader reader = new BankReader();
        CompletableFuture<QuestionBanks> banks = CompletableFuture.supplyAsync(
                () -> QuestionBanks.load(reader, config.customBanks()),
                command -> Thread.ofPlatform().name("load-banks").daemon().start(command));
        Database database;
        try {
            database = Database.open(config.jdbcUrl(env), config.databaseUser(), config.databasePassword());
        } catch (RuntimeException e) {
            Optional<Path> file = config.sqliteFile(env);
            if (file.isPresent()) {
                // An SQLite file: the server's words (a user, a password, reachable) would only mislead.
                throw new StartupFailure("The database file " + file.get() + " cannot be opened ("
                        + (Files.isDirectory(file.get()) ? "it is a folder" : StartupFailure.rootOf(e)) + "). Give --db"
                        + " (or database.path, COACH_DATABASE_PATH) a file name, such as data/coach.db, in a folder this"
                        + " user may write to.", e);
            }
            throw new StartupFailure("The database " + CoachConfig.maskUrl(config.jdbcUrl(env)) + " cannot be opened ("
                    + StartupFailure.rootOf(e) + "). Check database.url (COACH_DB_URL) or database.path, that the"
                    + " database is running and reachable, and COACH_DB_USER / COACH_DB_PASSWORD.", e);
        }
        try {
            beforeUpgrade(config, env, database);
            try {
                database.migrate();
            } catch (RuntimeException e) {
                throw new StartupFailure("The database " + CoachConfig.maskUrl(config.jdbcUrl(env)) + " could not be"
                        + " brought up to date (" + StartupFailure.rootOf(e) + "). Check that the database user may"
                        + " create tables, and that no newer version of the coach changed it.", e);
            }
            long migrated = System.nanoTime();
            BankCatalog catalog = BankCatalog.of(banksLoaded(banks));
            long loaded = System.nanoTime();
            Optional<BankWatcher> watcher = Optional.empty();
            if (config.customBanks().isPresent() && Files.isDirectory(config.customBanks().get())) {
                watcher = Optional.of(new BankWatcher(config.customBanks().get(), reader, catalog));
            }
            Coach coach = new Coach(database, catalog, watcher, new MockInterviewFeature.Settings(config.defaultTrack(),
                    config.defaultQuestions(), config.maxQuestions(), config.followUps(),
                    Duration.ofSeconds(config.joinWithinSeconds())),
                    new DailySettings(config.defaultTrack(), config.dailyGrace(), config.daily().checkEvery()), clock,
                    new Random(), metrics,
                    sentenceModel.get(), Reviewer.of(config.review(), metrics),
                    config.workspaces().grace(), deliveries);
            // Where start-up time goes, for operators comparing machines.
            log.info("database ready in {} ms, banks {} ms after it, coaching engine in {} ms",
                    (migrated - began) / 1_000_000, (loaded - migrated) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
            return coach;
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("cannot watch the custom bank folder", e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The banks read beside the database, or the reason they could not be, as if read in this thread. */
    private static QuestionBanks banksLoaded(CompletableFuture<QuestionBanks> banks) {
        try {
            return banks.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Readies judging on a thread of its own (see {@link JudgingWarmUp}), giving way while {@code eventsInHand} is
     * above zero; close it before the coach, which it uses.
     */
    JudgingWarmUp prepareJudging(IntSupplier eventsInHand) {
        return JudgingWarmUp.start(judging, banks, eventsInHand);
    }

    /** The workspaces the coach is installed in, and how many are in use. */
    public Installations installations() {
        return installations;
    }

    /** Leases shared by the instances on this database (Discord shards). */
    public Leases leases() {
        return leases;
    }

    public SubscriptionRepository subscriptions() {
        return subscriptions;
    }

    public DailyPostRepository dailyPosts() {
        return posts;
    }

    /** The record of workspaces that removed the coach: their schedules stop, their data goes after the grace period. */
    public TenantLifecycle tenants() {
        return tenants;
    }

    public CoachMetrics metrics() {
        return metrics;
    }

    public Database database() {
        return database;
    }

    public CoachEngine engine() {
        return engine;
    }

    /** Peer mock interviews: the weekly pairings of channels. */
    public PeerPairingFeature pairing() {
        return pairing;
    }

    public MockInterviewFeature interviews() {
        return interviews;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    /** This coach as the console's simulated channel sees it. */
    public ConsoleChannel.Bot consoleBot() {
        return new ConsoleChannel.Bot(engine, subscriptions(), dailyPosts(), sessions, pairing, this::tick);
    }

    public QuestionBanks banks() {
        return banks.current();
    }

    /** Values a platform's form suggests for an option as people type: track ids, or topics. */
    public List<String> suggestions(OptionSpec.Suggest source) {
        QuestionBanks now = banks.current();
        return switch (source) {
            case TRACKS -> now.tracks().stream().map(Bank::track).toList();
            case TOPICS -> now.tracks().stream().flatMap(b -> b.questions().stream()).flatMap(q -> q.topics().stream())
                    .distinct().sorted().toList();
            case NONE -> List.of();
        };
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
