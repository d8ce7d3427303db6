package dev.interviewcoach.app;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.schedule.JobScheduler;
import dev.interviewcoach.discord.DiscordAdapter;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.observe.MeteredChatPort;
import dev.interviewcoach.observe.OpsEndpoints;
import dev.interviewcoach.slack.SlackChatPort;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.interviewcoach.discord.DiscordSettings;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.engine.PlaceQueues;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.slack.SlackAdapter;
import dev.interviewcoach.slack.SlackSettings;
import dev.interviewcoach.slack.SlackManifest;
import dev.interviewcoach.store.SecretBox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.progress.AnswerRetention;
import java.util.Deque;
import java.util.Locale;

/** {@code coach run}: the bot on the configured platforms, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bot on Slack and/or Discord, as configured, until stopped with Ctrl-C or SIGTERM.")
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    /** How long a stop signal waits for the platforms to close and queued work to drain. */
    private static final long STOP_GRACE_SECONDS = 25;
    /** How long a stop spends delivering replies still waiting; what is left goes out on the next start. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    @Option(names = "--config", description = "Configuration file (default: config/coach.yaml if present).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        CoachConfig cfg = CoachConfig.load(Optional.ofNullable(config), env);
        if (!cfg.slack().enabled() && !cfg.discord().enabled()) {
            spec.commandLine().getErr().println("""
                    Nothing to run: no chat platform is configured.
                    For Slack, set SLACK_BOT_TOKEN (xoxb-...) and either SLACK_APP_TOKEN (xapp-..., Socket Mode)
                    or SLACK_SIGNING_SECRET (HTTP mode). See "Run it on Slack" in README.md.
                    For many Slack workspaces (OAuth install), set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,
                    SLACK_SIGNING_SECRET and COACH_SECRET_KEY. See "Installing the coach in many workspaces".
                    For Discord, set DISCORD_TOKEN. See "Run it on Discord" in README.md.
                    To try the coach without a platform: ./coach console""");
            return 1;
        }
        // Before anything opens: the OAuth install cannot store a token without its key.
        Optional<SecretBox> box = cfg.slack().oauth() ? Optional.of(secretBox(cfg.workspaces())) : Optional.empty();
        long started = System.nanoTime();
        Clock clock = clock(env);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try {
            stopOnSignals(stopped, closed);
            log.info("{} starting", BuildInfo.current().line());
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmGcMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            CoachMetrics metrics = new CoachMetrics(registry);
            OpsEndpoints ops = new OpsEndpoints(registry::scrape);
            // Closed in reverse: the executor drains queued work first, while the platforms can still reply;
            // the sending threads drain when the platforms close (added to them below), before the adapters stop.
            try (DatabaseInUse inUse = DatabaseInUse.hold(cfg.sqliteFile(env));
                 PlaceQueues deliveries = new PlaceQueues("coach-send", cfg.engine().deliveryLanes(),
                    cfg.engine().deliveryLanes() * 256);
                 Coach coach = Coach.start(cfg, env, clock, metrics, deliveries::submit);
                 Platforms platforms = new Platforms();
                 PlaceQueues executor = eventQueues(cfg, coach.database())) {
                if (stopped.getCount() == 0) {
                    log.info("told to stop while starting; closing what is open");
                    return 0;
                }
                ops.require("database", () -> coach.database().ping());
                ops.require("lanes", executor::problem);
                ops.require("sending replies", deliveries::problem);
                ops.inform("workspaces", () -> coach.installations().count() + " installed by OAuth, "
                        + coach.installations().activeSince(clock.instant().minus(Duration.ofDays(1)))
                        + " with answers in the last 24 h");
                metrics.gauge("coach.lanes.renewed", "Events interrupted because they ran past their time budget (their"
                        + " conversation's later events went on without them)", executor::overBudget);
                metrics.gauge("coach.lanes.waiting", "Events acknowledged and waiting for their turn",
                        executor::queued);
                metrics.gauge("coach.lanes.turned.away", "Events turned away because too many (or too large) were waiting"
                        + " (Slack delivers them again; Discord users are asked to resend)", executor::turnedAway);
                metrics.gauge("coach.deliveries.pending", "Events whose replies wait for a sending thread or are being sent",
                        deliveries::pending);
                metrics.gauge("coach.deliveries.over.budget", "Sends interrupted because they ran past their time budget",
                        deliveries::overBudget);
                Map<Platform, ChatPort> ports = new EnumMap<>(Platform.class);
                boolean slackHttp = false;
                if (cfg.slack().enabled()) {
                    Optional<SlackAdapter.Workspaces> workspaces = box.map(b -> new SlackAdapter.Workspaces(
                            coach.database().jdbi(), b, coach.tenants()));
                    SlackAdapter slack = platforms.add(new SlackAdapter(slackSettings(cfg.slack()), coach.engine(), executor,
                            clock, new CountingSleeper(metrics), ops, workspaces));
                    slack.start();
                    ops.require("slack", slack::problem);
                    slackHttp = slack.servesHttp();
                    ports.put(Platform.SLACK, new MeteredChatPort(slack.port(), Platform.SLACK, metrics));
                }
                if (cfg.discord().enabled()) {
                    DiscordAdapter discord = platforms.add(cfg.discord().shardLeases()
                            ? new DiscordAdapter(discordSettings(cfg.discord()), coach.engine(), executor, coach::suggestions,
                                    clock, new LeasedShards(coach.leases(), LeasedShards.instanceName(), LeasedShards.TTL),
                                    LeasedShards.RENEW)
                            : new DiscordAdapter(discordSettings(cfg.discord()), coach.engine(), executor, coach::suggestions,
                                    clock));
                    discord.start();
                    ops.require("discord", discord::problem);
                    ports.put(Platform.DISCORD, new MeteredChatPort(discord.port(), Platform.DISCORD, metrics));
                }
                if (!slackHttp) {
                    AdminServer admin;
                    try {
                        admin = platforms.add(new AdminServer(cfg.admin().host(), cfg.admin().port(), ops));
                        admin.start();
                    } catch (IOException e) {
                        throw new StartupFailure("The health and metrics port " + cfg.admin().port() + " on "
                                + cfg.admin().host() + " cannot be opened (" + StartupFailure.rootOf(e) + "); another"
                                + " program may be using it. Set admin.port (COACH_ADMIN_PORT) to a free port.", e);
                    }
                    log.info("health and metrics on http://{}:{} (/healthz, /readyz, /metrics)", cfg.admin().host(),
                            admin.port());
                }
                ChatPorts running = ChatPorts.of(ports);
                // Events a stopped process left and replies waiting out a rate limit. Added last, so it is
                // closed first: it delivers what it can within the drain bound while the platforms still
                // run, and leaves the rest (stored) for the next start.
                platforms.add(new DeliveryWorker(coach.engine(), running, DRAIN, executor))
                        .start(Duration.ofSeconds(1));
                // Closed before the worker: the replies handed to the sending threads go out first, in order; those
                // no sending thread took up by then are let go, for the worker's last pass or the next start.
                platforms.add(() -> {
                    int released = coach.engine().releaseHandedOver();
                    if (released > 0) {
                        log.info("the replies of {} events were not sent before the stop; they go out next", released);
                    }
                });
                platforms.add(deliveries);
                // The features' scheduled work (questions of the day, reminders, housekeeping): db-scheduler
                // on the coach's database picks one instance per run; claims inside make every post happen once.
                // Where instances split Discord's shards, each runs the posting jobs for its own servers itself.
                // A copy of the SQLite file once a day, beside the coaching jobs (see DailyBackups).
                List<Scheduled.Job> jobs = new ArrayList<>(coach.engine().jobs());
                DailyBackups.of(cfg, env).ifPresent(backups -> {
                    platforms.add(backups); // closed after the scheduler: stops an afterCopy command still running
                    jobs.add(backups.job());
                    ops.inform("backups", backups::state);
                });
                if (cfg.privacy().keepAnswersDays() > 0) {
                    jobs.add(new AnswerRetention(coach.database().jdbi(),
                            Duration.ofDays(cfg.privacy().keepAnswersDays())).job());
                }
                platforms.add(new JobScheduler(coach.database().dataSource(), coach.database().isSqlite(),
                        jobs, running, clock, instanceName(), metrics, cfg.discord().splitBetweenInstances())).start();
                if (stopped.getCount() == 0) {
                    log.info("told to stop while starting; closing what is open");
                    return 0;
                }
                log.info("Interview Coach ready in {} ms", (System.nanoTime() - started) / 1_000_000);
                // After the ready line, so start-up does not wait for it; closed first, before what it uses.
                JudgingWarmUp judging = platforms.add(coach.prepareJudging(executor::pending));
                ops.inform("judging", judging::state);
                stopped.await();
                log.info("stopping");
            }
            log.info("stopped");
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /**
     * SIGTERM (docker stop, systemctl stop) and Ctrl-C stop the coach before the JVM's shutdown begins (see
     * StopSignals), from the first moment of start-up: a stop while starting lets the step in hand finish (a
     * migration, a platform's connection) and closes what is open. The process exits once everything is closed, or
     * after the grace.
     */
    private static void stopOnSignals(CountDownLatch stopped, CountDownLatch closed) {
        StopSignals.install(() -> {
            stopped.countDown();
            Thread.ofPlatform().name("coach-stop-grace").daemon().start(() -> {
                try {
                    if (!closed.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                        log.warn("not stopped within {} s of being told to; ending the process now",
                                STOP_GRACE_SECONDS);
                        Runtime.getRuntime().halt(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            // Any other way the JVM is ended: it halts as soon as its shutdown hooks return, so hold it
            // until the platforms are closed and queued work has drained.
            try {
                closed.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "coach-shutdown"));
    }

    /** Waits out Slack's rate limits, counting each. */
    private record CountingSleeper(CoachMetrics metrics) implements SlackChatPort.Sleeper {
        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        @Override
        public void rateLimited() {
            metrics.rateLimited(Platform.SLACK);
        }
    }

    /**
     * The coach's clock: the system's, or with {@code COACH_CLOCK_START} (an instant such as
     * {@code 2026-12-01T08:59:00Z}) one that starts there and runs on, to see a schedule through
     * (the question of the day, reminders) without waiting for it.
     */
    /**
     * Each conversation's events one after another on a queue of its own, {@code engine.lanes} of them running engine
     * work at once. An event waiting on a platform counts for neither, nor holds a database connection meanwhile,
     * so up to {@link PlaceQueues#EVENT_THREADS} threads may hold events, on SQLite and PostgreSQL alike.
     */
    static PlaceQueues eventQueues(CoachConfig cfg, Database db) {
        int lanes = cfg.engine().lanes();
        return PlaceQueues.forEvents(lanes, PlaceQueues.EVENT_THREADS, db::letGoWhileWaiting);
    }

    static Clock clock(Map<String, String> env) {
        Optional<Instant> start = clockStart(env);
        if (start.isEmpty()) {
            return Clock.systemUTC();
        }
        log.warn("the clock starts at {} (COACH_CLOCK_START), not at the real time: schedules follow it", start.get());
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start.get()));
    }

    /** {@code COACH_CLOCK_START} read, empty when unset; a value that is no instant is a configuration problem. */
    static Optional<Instant> clockStart(Map<String, String> env) {
        String start = env.getOrDefault("COACH_CLOCK_START", "").strip();
        if (start.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(start));
        } catch (DateTimeParseException e) {
            throw new CoachConfig.ConfigException("COACH_CLOCK_START must be an instant such as 2026-12-01T08:59:00Z;"
                    + " it is \"" + (start.length() > 40 ? start.substring(0, 40) + "..." : start) + "\". Unset it to run on"
                    + " the real time.");
        }
    }

    private static String instanceName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("coach");
        return host + "-" + ProcessHandle.current().pid();
    }

    static DiscordSettings discordSettings(CoachConfig.Discord discord) {
        return new DiscordSettings(discord.token().orElseThrow(), discord.devGuildId(), discord.shards(), discord.apiUrl(),
                discord.gatewayUrl(),
                DiscordSettings.MessageContent.valueOf(discord.messageContent().toUpperCase(Locale.ROOT)), discord.shardIds());
    }

    /** The running platform adapters, closed together in reverse order. */
    static final class Platforms implements AutoCloseable {
        private final Deque<AutoCloseable> open = new ArrayDeque<>();

        <T extends AutoCloseable> T add(T adapter) {
            open.push(adapter);
            return adapter;
        }

        /** Closes every one, newest first, even when one fails: a stop must not leave the others running. */
        @Override
        public void close() throws Exception {
            Exception first = null;
            while (!open.isEmpty()) {
                try {
                    open.pop().close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * The box that seals stored bot tokens, from {@code COACH_SECRET_KEY} (and, during a key rotation,
     * {@code COACH_SECRET_KEY_PREVIOUS}); a missing or malformed key stops start-up saying what to set.
     */
    static SecretBox secretBox(CoachConfig.Workspaces workspaces) {
        if (workspaces.secretKey().isEmpty()) {
            throw new CoachConfig.ConfigException("env:COACH_SECRET_KEY", "Installing the coach in many Slack workspaces"
                    + " (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET without SLACK_BOT_TOKEN) needs COACH_SECRET_KEY, the key"
                    + " that encrypts the stored bot tokens: base64 of 32 random bytes (openssl rand -base64 32), in the"
                    + " environment or in a file named by COACH_SECRET_KEY_FILE. Keep it safe: without it the stored"
                    + " installations cannot be read.");
        }
        try {
            return new SecretBox(SecretBox.decodeKey(workspaces.secretKey().get(), "COACH_SECRET_KEY"),
                    workspaces.previousSecretKey().map(k -> SecretBox.decodeKey(k, "COACH_SECRET_KEY_PREVIOUS")));
        } catch (IllegalArgumentException e) {
            throw new CoachConfig.ConfigException("env:COACH_SECRET_KEY", e.getMessage());
        }
    }

    static SlackSettings slackSettings(CoachConfig.Slack slack) {
        if (slack.oauth()) {
            if (slack.signingSecret().isEmpty() || slack.appToken().isPresent()) {
                throw new CoachConfig.ConfigException("Installing the coach in many Slack workspaces (SLACK_CLIENT_ID and"
                        + " SLACK_CLIENT_SECRET) needs HTTP mode: set SLACK_SIGNING_SECRET and unset SLACK_APP_TOKEN");
            }
            return new SlackSettings(null, slack.signingSecret(), Optional.empty(), slack.apiUrl(), slack.host(),
                    slack.port(), slack.path(), slack.admins(), Optional.of(new SlackSettings.OAuth(slack.clientId().get(),
                    slack.clientSecret().get(), SlackManifest.botScopes(), slack.redirectUri())));
        }
        if (slack.appToken().isEmpty() && slack.signingSecret().isEmpty()) {
            throw new CoachConfig.ConfigException("Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET"
                    + " (HTTP mode) besides SLACK_BOT_TOKEN; both are in the app's settings at api.slack.com/apps");
        }
        return new SlackSettings(slack.botToken().orElseThrow(), slack.signingSecret(), slack.appToken(), slack.apiUrl(),
                slack.host(), slack.port(), slack.path(), slack.admins());
    }
}
