package dev.interviewcoach.bench;

import dev.interviewcoach.store.WriteTurn;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import java.time.LocalTime;

/**
 * The coach on Slack under load, against an echo Bolt bot (one post per event) and a bare Bolt app on the same set-up; heap with many interviews in
 * progress; and start-up time of {@code coach run}. See docs/performance.md for how to run it and what it found.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.interviewcoach.bench.SlackLoadBenchmark
 *     [--mode=load|discord|memory|daily|startup|jfr]
 *     [--key=value ...]
 * </pre>
 */
public final class SlackLoadBenchmark {

    /** The targets the figures are reported against. */
    static final double TARGET_RATIO = 0.8;
    static final double TARGET_ECHO_RATIO = 0.5;
    static final double TARGET_ACK_P99_MS = 25;
    static final double TARGET_REPLY_P99_MS = 100;
    static final double TARGET_HEAP_MB = 256;
    static final double TARGET_STARTUP_MS = 3000;

    private SlackLoadBenchmark() {
    }

    /** The load mode's settings; every one has a command-line key of the same name in kebab case. */
    record LoadOptions(int people, double rate, Duration warmup, Duration duration, int closedPeople,
                       Duration closedWarmup, Duration closedDuration, Duration drain, int runs, int lanes,
                       int laneQueue, DirectChannelIds dmIds, boolean fullSync, boolean postgres, Duration slackLatency,
                       Sending sending, int instances, int discordChannels, boolean hashedLanes) {

        static LoadOptions from(Map<String, String> args) {
            return new LoadOptions(intArg(args, "people", 50), doubleArg(args, "rate", 200),
                    seconds(args, "warmup", 10), seconds(args, "duration", 30), intArg(args, "closed-people", 32),
                    seconds(args, "closed-warmup", 3), seconds(args, "closed-duration", 10), seconds(args, "drain", 10),
                    intArg(args, "runs", 1), intArg(args, "lanes", 8), intArg(args, "lane-queue", 256),
                    DirectChannelIds.parse(args.getOrDefault("dm-ids", "random")),
                    // --sqlite-sync=full: the coach's SQLite file with synchronous=FULL (kept through a power cut)
                    args.getOrDefault("sqlite-sync", "normal").equalsIgnoreCase("full"),
                    // --database=postgres: the coach in PostgreSQL mode, on an embedded server started by the harness
                    database(args.getOrDefault("database", "sqlite")),
                    // --slack-latency=MS: the fake Slack answers each Web API call that much later, as Slack does
                    // (--discord-latency=MS, the same for the fake Discord's REST calls in --mode=discord)
                    Duration.ofMillis(intArg(args, "slack-latency", intArg(args, "discord-latency", 0))),
                    // --delivery-lanes=N: threads that send the coach's replies, as coach run has them (0: each event's
                    // own lane sends its replies, as before they had lanes of their own); --hashed-delivery=true: one
                    // thread per place chosen by hash, as before places shared the threads
                    new Sending(intArg(args, "delivery-lanes", 32),
                            Boolean.parseBoolean(args.getOrDefault("hashed-delivery", "false"))),
                    // --instances=N: that many instances of the coach on one PostgreSQL database, events sent to them in
                    // turn as a load balancer would (needs --database=postgres)
                    instances(intArg(args, "instances", 1), args.getOrDefault("database", "sqlite")),
                    // --discord-channels=2: in --mode=discord, half the people start their interviews in the fake
                    // guild's second text channel (Discord and JDA take one channel's thread creations one at a time)
                    discordChannels(intArg(args, "discord-channels", 1)),
                    // --hashed-lanes=true: events on --lanes threads chosen by a hash of the conversation, as before
                    // each conversation had a queue of its own (see EventLanes)
                    Boolean.parseBoolean(args.getOrDefault("hashed-lanes", "false")));
        }

        /** How the coach runs its events in this run. */
        EventLanes events() {
            return new EventLanes(lanes, hashedLanes);
        }

        private static int discordChannels(int channels) {
            if (channels < 1 || channels > 2) {
                throw new IllegalArgumentException("--discord-channels is 1 or 2 (the fake guild has two text channels),"
                        + " not " + channels);
            }
            return channels;
        }

        private static int instances(int instances, String database) {
            if (instances < 1) {
                throw new IllegalArgumentException("--instances must be 1 or more, not " + instances);
            }
            if (instances > 1 && !database(database)) {
                throw new IllegalArgumentException("--instances=" + instances + " needs --database=postgres: several"
                        + " instances of the coach share a PostgreSQL database");
            }
            return instances;
        }

        private static boolean database(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "sqlite" -> false;
                case "postgres", "postgresql" -> true;
                default -> throw new IllegalArgumentException("--database must be sqlite or postgres, not " + name);
            };
        }
    }

    /**
     * One run of the load mode: the loads against the coach, then against the bare app. {@code coachAckOnly} is
     * the closed loop against the coach with people sending again on the ack, as against the bare app;
     * {@code coachDropped} counts events the adapter could not queue (refused with 503 for Slack to retry), over the coach's phases.
     */
    record LoadRun(PhaseResult coachOpen, PhaseResult coachClosed, PhaseResult coachAckOnly, long coachDropped,
                   double coachHeapMb, PhaseResult echoOpen, PhaseResult echoClosed, PhaseResult bareOpen,
                   PhaseResult bareClosed, double bareHeapMb) {

        /**
         * Replies the coach sustains per second over replies the echo bot sustains (one post per event), both in
         * the closed loop with the same people: the ratio issue 16 item 1 sets a target for.
         */
        double echoRatio() {
            return coachClosed.completedPerSecond() / echoClosed.completedPerSecond();
        }

        /** Replies the coach sustains per second over acks the bare app sustains: the headline ratio. */
        double closedRatio() {
            return coachClosed.completedPerSecond() / bareClosed.completedPerSecond();
        }

        /** Acks alone: the coach's adapter against the bare app, both only acknowledging as fast as they can. */
        double ackOnlyRatio() {
            return coachAckOnly.acknowledgedPerSecond() / bareClosed.acknowledgedPerSecond();
        }

        /** At the offered rate both should complete everything; below 1 the coach fell behind. */
        double openRatio() {
            return coachOpen.completedPerSecond() / bareOpen.completedPerSecond();
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        String mode = args.getOrDefault("mode", "load");
        PrintStream out = System.out;
        out.printf("machine: %d cores, JDK %s (%s), max heap %d MiB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ResourceUse.loadAverageNow());
        switch (mode) {
            case "load" -> {
                List<LoadRun> runs = load(LoadOptions.from(args), out);
                summarize(runs, out);
            }
            case "discord" -> DiscordLoadBenchmark.run(LoadOptions.from(args), out);
            case "drain" -> {
                for (int run = 1; run <= intArg(args, "runs", 1); run++) {
                    WaitingRepliesDrain.run(intArg(args, "places", 100),
                            Duration.ofMillis(intArg(args, "slack-latency", 100)), out);
                }
            }
            case "memory" -> memory(intArg(args, "interviews", 10_000), intArg(args, "subscriptions", 1_000),
                    intArg(args, "lanes", 8), intArg(args, "lane-queue", 256), out);
            case "daily" -> DailyCheckCost.run(sizes(args.getOrDefault("subscriptions", "1000,5000,10000")),
                    intArg(args, "checks", 5), args.getOrDefault("database", "postgres"), out);
            case "startup" -> startup(Path.of(args.getOrDefault("coach-jar", "app/target/coach.jar")),
                    args.containsKey("coach-java-options") ? List.of(args.get("coach-java-options").trim().split("\\s+"))
                            : List.of(), intArg(args, "startup-runs", 3),
                    Duration.ofSeconds(intArg(args, "first-interview-after", 3)),
                    Duration.ofSeconds(intArg(args, "settle", 30)), out);
            case "jfr" -> JfrSummary.print(Path.of(args.get("file")), args.getOrDefault("threads", ""),
                    args.containsKey("from") ? LocalTime.parse(args.get("from")) : null,
                    args.containsKey("to") ? LocalTime.parse(args.get("to")) : null, args.get("under"), out);
            default -> throw new IllegalArgumentException(
                    "--mode must be load, discord, drain, memory, daily, startup or jfr, not " + mode);
        }
        System.exit(0); // OkHttp and Jetty leave non-daemon threads behind for a while
    }

    // ------------------------------------------------------------------------------------------------ load

    static List<LoadRun> load(LoadOptions o, PrintStream out) throws Exception {
        List<LoadRun> runs = new ArrayList<>();
        AtomicReference<LoadDriver> active = new AtomicReference<>();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-housekeeping");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        SlackRequests requests = new SlackRequests(CoachOnSlack.SIGNING_SECRET);
        try (FakeSlack slack = FakeSlack.start();
             EmbeddedPostgres postgres = o.postgres() ? EmbeddedPostgres.builder().start() : null) {
            slack.answerAfter(o.slackLatency());
            if (!o.slackLatency().isZero()) {
                out.println("the fake Slack answers every Web API call " + o.slackLatency().toMillis() + " ms late");
            }
            out.println("coach: " + o.events().describe() + "; " + o.sending().describe());
            if (postgres != null) {
                out.println("coach: PostgreSQL mode, on an embedded server (" + postgres.getJdbcUrl("postgres", "postgres")
                        + ")" + (o.instances() > 1 ? ", " + o.instances() + " instances on one database, each event sent"
                        + " to the next in turn" : ""));
            }
            slack.onCall(call -> {
                LoadDriver driver = active.get();
                if (driver != null) {
                    driver.onSlackCall(call);
                }
            });
            // The harness times replies through the listener; the fake's own record of calls would grow by
            // hundreds of calls a second and weigh on the heap being measured, so it is emptied every second.
            housekeeping.scheduleAtFixedRate(slack::reset, 1, 1, TimeUnit.SECONDS);
            Phases phases = new Phases(http, requests, active, o, out);
            for (int run = 1; run <= o.runs(); run++) {
                out.printf("%n== run %d of %d ==%n", run, o.runs());
                String id = "R" + run;
                PhaseResult coachOpen;
                PhaseResult coachClosed;
                PhaseResult coachAckOnly;
                long dropped;
                double coachHeap;
                AdapterDrops drops = AdapterDrops.listen();
                try (CoachOnSlack coach = new CoachOnSlack(slack, o.events(), o.laneQueue(), o.sending(), o.fullSync(),
                        postgres == null ? null : newDatabase(postgres, "load_" + run), o.instances())) {
                    Optional<TurnReading> turnBefore = TurnReading.of(coach.writeTurn());
                    coachOpen = phases.open(coach, id + "O");
                    writeTurnOver(turnBefore, coach.writeTurn(), out);
                    coach.statements().reset();
                    turnBefore = TurnReading.of(coach.writeTurn());
                    coachClosed = phases.closed(coach, id + "C", true);
                    awaitIdle(coach);
                    statementsPerEvent(coach.statements(), out);
                    writeTurnOver(turnBefore, coach.writeTurn(), out);
                    out.printf("coach: threads that have run events: %d (%d instance(s))%n", threadsNamed("coach-lane-"),
                            coach.instances());
                    coachHeap = heapAfterGcMb(slack);
                    out.printf("coach: heap after GC %.1f MiB (RSS %s)%n", coachHeap, rss());
                    coachAckOnly = phases.closed(coach, id + "A", false);
                    dropped = drops.count();
                    out.printf("coach: the adapter refused %d events (engine lanes full; Slack retries them), all phases%n",
                            dropped);
                    awaitIdle(coach);
                } finally {
                    drops.close();
                }
                PhaseResult echoOpen;
                PhaseResult echoClosed;
                try (EchoBoltApp echo = new EchoBoltApp(slack)) {
                    echoOpen = phases.open(echo, id + "E");
                    echoClosed = phases.closed(echo, id + "F", true);
                    out.printf("echo Bolt: posts that failed %d%n", echo.failures());
                }
                PhaseResult bareOpen;
                PhaseResult bareClosed;
                double bareHeap;
                try (BareBoltApp bare = new BareBoltApp(slack)) {
                    bareOpen = phases.open(bare, id + "B");
                    bareClosed = phases.closed(bare, id + "K", true);
                    bareHeap = heapAfterGcMb(slack);
                    out.printf("bare Bolt: heap after GC %.1f MiB (RSS %s)%n", bareHeap, rss());
                }
                LoadRun result = new LoadRun(coachOpen, coachClosed, coachAckOnly, dropped, coachHeap, echoOpen,
                        echoClosed, bareOpen, bareClosed, bareHeap);
                out.printf("run %d: closed-loop replies/s coach/echo = %.2f; closed-loop throughput coach/bare = %.2f"
                        + " (acks only: %.2f); open-loop completed coach/bare = %.2f%n", run, result.echoRatio(),
                        result.closedRatio(), result.ackOnlyRatio(), result.openRatio());
                runs.add(result);
            }
        } finally {
            housekeeping.shutdownNow();
        }
        return runs;
    }

    /** The phases of a run, each with its own people, against whichever target is up. */
    private record Phases(HttpClient http, SlackRequests requests, AtomicReference<LoadDriver> active,
                          LoadOptions o, PrintStream out) {

        /** The open loop: the offered rate for the warm-up and the measured window. */
        PhaseResult open(SlackTarget target, String id) throws InterruptedException {
            return run(new LoadDriver(http, requests, target, id, o.people(), true, o.dmIds()),
                    "open " + fmt(o.rate()) + "/s", o.rate(), o.warmup(), o.duration());
        }

        /** The closed loop; {@code followReplies} false sends again on the ack (see {@link LoadDriver}). */
        PhaseResult closed(SlackTarget target, String id, boolean followReplies) throws InterruptedException {
            return run(new LoadDriver(http, requests, target, id, o.closedPeople(), followReplies, o.dmIds()),
                    followReplies ? "closed loop" : "acks only", 0, o.closedWarmup(), o.closedDuration());
        }

        private PhaseResult run(LoadDriver driver, String name, double rate, Duration warmup, Duration window)
                throws InterruptedException {
            active.set(driver);
            PhaseResult result = driver.run(name, rate, warmup, window, o.drain());
            active.set(null);
            printPhase(result, out);
            return result;
        }
    }

    /** A new empty database on the embedded server, as a JDBC URL. */
    static String newDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /**
     * SQL statements per event over a phase (its warm-up and drain included): all, those that write, and the most
     * frequent. Each event is recorded by one insert into the inbox, which gives the number of events.
     */
    private static void statementsPerEvent(StatementCounter statements, PrintStream out) {
        long events = statements.startingWith("INSERT INTO processed_event");
        if (events == 0) {
            return;
        }
        out.printf(Locale.ROOT, "coach: SQL statements per event %.2f, of which writes %.2f (%d events); the most frequent"
                        + " per event: %s%n", statements.total() / (double) events, statements.writes() / (double) events,
                events, String.join("; ", statements.top(12, events)));
    }

    /** The SQLite write turn's running totals at one moment, to give its figures over a phase. */
    private record TurnReading(long nanos, long turns, double secondsWaited, double secondsHeld) {
        static Optional<TurnReading> of(Optional<WriteTurn> turn) {
            return turn.map(t -> new TurnReading(System.nanoTime(), t.turns(), t.secondsWaited(), t.secondsHeld()));
        }
    }

    /**
     * How busy SQLite's one writer was over a phase (its warm-up and drain included): the share of the time some
     * writer held the turn, turns a second, and the mean time a turn was held and waited for.
     */
    private static void writeTurnOver(Optional<TurnReading> before, Optional<WriteTurn> turn, PrintStream out) {
        Optional<TurnReading> after = TurnReading.of(turn);
        if (before.isEmpty() || after.isEmpty() || after.get().turns() == before.get().turns()) {
            return;
        }
        double seconds = (after.get().nanos() - before.get().nanos()) / 1e9;
        long turns = after.get().turns() - before.get().turns();
        double held = after.get().secondsHeld() - before.get().secondsHeld();
        double waited = after.get().secondsWaited() - before.get().secondsWaited();
        out.printf(Locale.ROOT, "coach: SQLite write turn held %.0f%% of the phase, %.0f turns/s, a turn held %.2f ms"
                        + " and waited for %.2f ms on average, %.1f writers waiting on average%n", 100 * held / seconds,
                turns / seconds, 1000 * held / turns, 1000 * waited / turns, waited / seconds);
    }

    /** Lets queued engine work finish, so the heap figure is of a coach at rest, not of its queues. */
    private static void awaitIdle(CoachOnSlack coach) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (coach.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void printPhase(PhaseResult r, PrintStream out) {
        out.printf(Locale.ROOT, "%-9s %-12s people %3d  sent %6d in %.0f s  acked %7.1f/s  completed %7.1f/s"
                        + "  ack p50 %6.2f p99 %7.2f ms"
                        + "  reply p50 %6.2f p99 %7.2f ms  refused %d  missing replies %d  stalls %d  idle slots %d"
                        + "  sender lag max %.1f ms%n",
                r.target(), r.phase(), r.people(), r.sent(), r.seconds(), r.acknowledgedPerSecond(),
                r.completedPerSecond(),
                r.ack().percentileMillis(50), r.ack().percentileMillis(99), r.reply().percentileMillis(50),
                r.reply().percentileMillis(99), r.refused(), r.missingReplies(), r.stalls(), r.idleSlots(),
                r.maxLagMillis());
        if (r.calls().total() > 0) {
            out.printf(Locale.ROOT, "          Web API calls %d for %d answers and %d interview starts: %.2f per event,"
                            + " %.2f per answer with the starts; by method %s%n", r.calls().total(), r.calls().answers(),
                    r.calls().commands(), r.calls().perEvent(), r.calls().perAnswer(), r.calls().byMethod());
        }
        out.printf(Locale.ROOT, "          load average %s -> %s; CPU: this process %.2f cores, other processes %.2f cores;"
                        + " busiest threads (cores): %s%n", r.spent().loadBefore(), r.spent().loadAfter(),
                r.spent().processCores(), r.spent().otherCores(), r.spent().top(6));
    }

    private static void summarize(List<LoadRun> runs, PrintStream out) {
        out.printf("%n== %s of %d run(s) ==%n", runs.size() > 1 ? "medians" : "figures", runs.size());
        row(out, "coach, open loop: completed events/s", runs, r -> r.coachOpen().completedPerSecond(), "");
        row(out, "coach, open loop: ack p50 ms", runs, r -> r.coachOpen().ack().percentileMillis(50), "");
        row(out, "coach, open loop: ack p99 ms", runs, r -> r.coachOpen().ack().percentileMillis(99),
                "target < " + fmt(TARGET_ACK_P99_MS));
        row(out, "coach, open loop: event-to-reply p50 ms", runs, r -> r.coachOpen().reply().percentileMillis(50), "");
        row(out, "coach, open loop: event-to-reply p99 ms", runs, r -> r.coachOpen().reply().percentileMillis(99),
                "target < " + fmt(TARGET_REPLY_P99_MS));
        row(out, "coach, open loop: errors (refused + missing replies)", runs, r -> r.coachOpen().errors(), "");
        row(out, "echo,  open loop: completed events/s", runs, r -> r.echoOpen().completedPerSecond(), "");
        row(out, "echo,  open loop: ack p99 ms", runs, r -> r.echoOpen().ack().percentileMillis(99), "");
        row(out, "echo,  open loop: event-to-reply p50 ms", runs, r -> r.echoOpen().reply().percentileMillis(50), "");
        row(out, "echo,  open loop: event-to-reply p99 ms", runs, r -> r.echoOpen().reply().percentileMillis(99), "");
        row(out, "echo,  open loop: errors", runs, r -> r.echoOpen().errors(), "");
        row(out, "bare,  open loop: completed events/s", runs, r -> r.bareOpen().completedPerSecond(), "");
        row(out, "bare,  open loop: ack p50 ms", runs, r -> r.bareOpen().ack().percentileMillis(50), "");
        row(out, "bare,  open loop: ack p99 ms", runs, r -> r.bareOpen().ack().percentileMillis(99), "");
        row(out, "coach, closed loop: events/s", runs, r -> r.coachClosed().completedPerSecond(), "");
        row(out, "coach, closed loop: event-to-reply p99 ms", runs, r -> r.coachClosed().reply().percentileMillis(99), "");
        row(out, "coach, closed loop: errors", runs, r -> r.coachClosed().errors(), "");
        row(out, "coach, closed loop: Web API calls per event", runs, r -> r.coachClosed().calls().perEvent(), "");
        row(out, "coach, closed loop: Web API calls per answer, starts included", runs,
                r -> r.coachClosed().calls().perAnswer(), "5 questions: 1.2 at best");
        row(out, "echo,  closed loop: replies/s", runs, r -> r.echoClosed().completedPerSecond(), "");
        row(out, "echo,  closed loop: event-to-reply p99 ms", runs, r -> r.echoClosed().reply().percentileMillis(99), "");
        row(out, "echo,  closed loop: errors", runs, r -> r.echoClosed().errors(), "");
        row(out, "reply ratio coach/echo (closed loop, replies/replies)", runs, LoadRun::echoRatio,
                "target >= " + fmt(TARGET_ECHO_RATIO));
        row(out, "bare,  closed loop: events/s", runs, r -> r.bareClosed().completedPerSecond(), "");
        row(out, "coach, acks only (closed loop): HTTP 200 acks/s", runs, r -> r.coachAckOnly().acknowledgedPerSecond(),
                "");
        row(out, "coach, acks only: ack p99 ms", runs, r -> r.coachAckOnly().ack().percentileMillis(99), "");
        row(out, "coach: events refused, lanes full (Slack retries)", runs, LoadRun::coachDropped, "");
        row(out, "throughput ratio coach/bare (closed loop, replies/acks)", runs, LoadRun::closedRatio,
                "target >= " + fmt(TARGET_RATIO));
        row(out, "ack throughput ratio coach/bare (acks only)", runs, LoadRun::ackOnlyRatio, "");
        row(out, "other processes' CPU during coach open loop, cores", runs, r -> r.coachOpen().spent().otherCores(), "");
        row(out, "other processes' CPU during coach closed loop, cores", runs,
                r -> r.coachClosed().spent().otherCores(), "");
        row(out, "coach: heap after GC MiB", runs, LoadRun::coachHeapMb, "");
        row(out, "bare:  heap after GC MiB", runs, LoadRun::bareHeapMb, "");
    }

    private static void row(PrintStream out, String name, List<LoadRun> runs, ToDoubleFunction<LoadRun> figure,
                            String target) {
        double[] values = runs.stream().mapToDouble(figure).toArray();
        String each = runs.size() > 1 ? "  (runs: " + String.join(", ", Arrays.stream(values).mapToObj(
                SlackLoadBenchmark::fmt).toList()) + ")" : "";
        out.printf("%-55s %10s  %s%s%n", name, fmt(median(values)), target, each);
    }

    // ------------------------------------------------------------------------------------------------ memory

    static InProgressInterviewsMemory.Result memory(int interviews, int subscriptions, int lanes, int laneQueue,
                                                    PrintStream out) throws Exception {
        InProgressInterviewsMemory.Result r = InProgressInterviewsMemory.run(interviews, subscriptions, lanes,
                laneQueue, out);
        out.printf(Locale.ROOT, "interviews in progress: %,d (asked for %,d); daily subscriptions: %,d (asked for %,d)%n",
                r.inProgress(), r.interviews(), r.subscriptionsStored(), r.subscriptions());
        out.printf(Locale.ROOT, "heap after GC: %.1f MiB before, %.1f MiB with them (%.0f bytes each); target < %s MiB;"
                        + " max heap %d MiB; RSS %s; load average %s -> %s%n",
                r.baselineMb(), r.withInterviewsMb(), r.perInterviewBytes(), fmt(TARGET_HEAP_MB), r.maxHeapMb(), rss(),
                r.loadBefore(), r.loadAfter());
        return r;
    }

    // ------------------------------------------------------------------------------------------------ start-up

    /**
     * Start-up on a new database and on the same database again (a restart, as after a deploy), {@code runs} times
     * each. After each start, one person starts a mock interview {@code firstAfter} past the ready line and answers it
     * through, timed turn by turn (see {@link FirstInterview}): after the first start as the first person of a new
     * installation (nothing in the vector cache yet), after the restart as the first after a deploy. The first start
     * stays up {@code settle} after its interview, as an installation in use would, before it is stopped.
     */
    static void startup(Path coachJar, List<String> javaOptions, int runs, Duration firstAfter, Duration settle,
                        PrintStream out) throws Exception {
        if (!Files.isRegularFile(coachJar)) {
            throw new IllegalArgumentException(coachJar.toAbsolutePath() + " is missing: build it first (mvn -o -pl bench"
                    + " -am package -DskipTests builds app/target/coach.jar too), or pass --coach-jar=PATH");
        }
        List<CoachStartup.Result> first = new ArrayList<>();
        List<CoachStartup.Result> again = new ArrayList<>();
        try (FakeSlack slack = FakeSlack.start()) {
            FirstInterview person = new FirstInterview(slack, CoachStartup.SIGNING_SECRET);
            CoachStartup.WhileReady practise = events -> {
                Thread.sleep(firstAfter.toMillis());
                return person.run(events);
            };
            CoachStartup.WhileReady practiseAndStay = events -> {
                List<Long> waited = practise.run(events);
                Thread.sleep(settle.toMillis());
                return waited;
            };
            for (int i = 1; i <= runs; i++) {
                Path dir = Files.createTempDirectory("coach-startup-");
                try {
                    CoachStartup.Result fresh = CoachStartup.once(coachJar, javaOptions, dir, slack, out, System.err,
                            practiseAndStay);
                    printStart(out, i, "new database:     ", fresh, firstAfter);
                    first.add(fresh);
                    CoachStartup.Result restart = CoachStartup.once(coachJar, javaOptions, dir, slack, out, System.err,
                            practise);
                    printStart(out, i, "existing database:", restart, firstAfter);
                    again.add(restart);
                } finally {
                    deleteTree(dir);
                }
            }
        }
        for (var set : List.of(Map.entry("new database", first), Map.entry("existing database", again))) {
            List<CoachStartup.Result> results = set.getValue();
            out.printf("median of %d, %s: launch to ready %s ms, logged %s ms, CPU used %s ms; target < %s ms%n", runs,
                    set.getKey(), fmt(median(results.stream().mapToDouble(CoachStartup.Result::wallMillis).toArray())),
                    fmt(median(results.stream().mapToDouble(CoachStartup.Result::loggedMillis).toArray())),
                    fmt(median(results.stream().mapToDouble(CoachStartup.Result::cpuMillis).toArray())),
                    fmt(TARGET_STARTUP_MS));
            // Follow-ups come at random, so interviews differ in length: their first three turns, and the rest together.
            List<List<Long>> waits = results.stream().map(CoachStartup.Result::firstInterview).toList();
            ToDoubleFunction<Integer> turn = t -> median(waits.stream().mapToDouble(w -> w.get(t)).toArray());
            double later = median(waits.stream().flatMap(w -> w.subList(3, w.size()).stream())
                    .mapToDouble(Long::doubleValue).toArray());
            out.printf("median of %d, %s, the first interview: its first question in %s ms; the reply to its first"
                    + " answer in %s ms, to its second in %s ms, to later ones %s ms%n", runs, set.getKey(),
                    fmt(turn.applyAsDouble(0)), fmt(turn.applyAsDouble(1)), fmt(turn.applyAsDouble(2)), fmt(later));
        }
    }

    private static void printStart(PrintStream out, int run, String which, CoachStartup.Result start, Duration firstAfter) {
        out.printf("start-up %d, %s launch to ready line %5d ms; logged \"ready in %5d ms\"; CPU used %5d ms; load"
                + " average %s%n", run, which, start.wallMillis(), start.loggedMillis(), start.cpuMillis(),
                start.loadBefore());
        out.printf("  first interview %d s after it was ready: its first question in %d ms; the replies to its answers"
                + " in %s ms%n", firstAfter.toSeconds(), start.firstInterview().get(0),
                start.firstInterview().subList(1, start.firstInterview().size()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Heap in use after full collections, in MiB, with the fake Slack's record of calls emptied first. */
    static double heapAfterGcMb(FakeSlack slack) throws InterruptedException {
        slack.reset();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** Live threads whose name starts with {@code prefix}; a lane's thread starts with its first piece of work. */
    static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    /** This process's resident set size, as the kernel reports it. */
    static String rss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? Long.toString((long) value)
                : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments look like --key=value; got " + arg);
            }
            int eq = arg.indexOf('=');
            args.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return args;
    }

    private static int[] sizes(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static int intArg(Map<String, String> args, String key, int otherwise) {
        return args.containsKey(key) ? Integer.parseInt(args.get(key)) : otherwise;
    }

    private static double doubleArg(Map<String, String> args, String key, double otherwise) {
        return args.containsKey(key) ? Double.parseDouble(args.get(key)) : otherwise;
    }

    private static Duration seconds(Map<String, String> args, String key, double otherwise) {
        return Duration.ofMillis(Math.round(doubleArg(args, key, otherwise) * 1000));
    }
}
