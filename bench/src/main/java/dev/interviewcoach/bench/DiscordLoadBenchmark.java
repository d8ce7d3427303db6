package dev.interviewcoach.bench;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The Discord path under load ({@code --mode=discord}): the real coach on JDA against the fake Discord, then a bare
 * JDA bot that only acknowledges interactions, in one process and one run, each with an open loop at a fixed rate
 * and a closed loop. People start interviews with {@code /coach mock} and type their answers in the interview's
 * private thread; against the bare bot they run the slash command only. The same options as the Slack load mode.
 */
final class DiscordLoadBenchmark {

    /** Discord fails an interaction the bot has not acknowledged within 3 seconds. */
    static final double DISCORD_ACK_LIMIT_MS = 3000;

    private DiscordLoadBenchmark() {
    }

    /**
     * One run: the coach's phases, then the bare bot's.
     *
     * @param coachAnswerReply event-to-reply of the typed answers alone, in the coach's open loop
     */
    record DiscordRun(PhaseResult coachOpen, Latencies coachAnswerReply, PhaseResult coachClosed, PhaseResult bareOpen,
                      PhaseResult bareClosed, long lanesUsed) {

        /** Replies the coach sustains per second over interactions the bare bot acknowledges per second. */
        double closedRatio() {
            return coachClosed.completedPerSecond() / bareClosed.completedPerSecond();
        }
    }

    static List<DiscordRun> run(SlackLoadBenchmark.LoadOptions o, PrintStream out) throws Exception {
        List<DiscordRun> runs = new ArrayList<>();
        AtomicReference<DiscordLoadDriver> active = new AtomicReference<>();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-housekeeping");
            t.setDaemon(true);
            return t;
        });
        try (FakeDiscord discord = FakeDiscord.start();
             EmbeddedPostgres postgres = o.postgres() ? EmbeddedPostgres.builder().start() : null) {
            discord.answerAfter(o.slackLatency());
            if (!o.slackLatency().isZero()) {
                out.println("the fake Discord answers every REST call " + o.slackLatency().toMillis() + " ms late");
            }
            out.println("coach: " + o.events().describe() + "; " + o.sending().describe() + "; interviews started in " + o.discordChannels()
                    + (o.discordChannels() == 1 ? " text channel" : " text channels, people taking turns")
                    + (postgres != null ? "; PostgreSQL mode, on an embedded server" : ""));
            discord.onCall(call -> {
                DiscordLoadDriver driver = active.get();
                if (driver != null) {
                    driver.onCall(call);
                }
            });
            // As on Slack: the harness times calls through the listener, and the fake's record would only grow.
            housekeeping.scheduleAtFixedRate(discord::reset, 1, 1, TimeUnit.SECONDS);
            int phaseId = 0;
            for (int run = 1; run <= o.runs(); run++) {
                out.printf("%n== Discord run %d of %d ==%n", run, o.runs());
                PhaseResult coachOpen;
                Latencies answerReply;
                PhaseResult coachClosed;
                long lanes;
                try (CoachOnDiscord coach = new CoachOnDiscord(discord, o.events(), o.laneQueue(), o.sending(),
                        postgres == null ? null : SlackLoadBenchmark.newDatabase(postgres, "discord_" + run))) {
                    DiscordLoadDriver open = new DiscordLoadDriver(discord, coach, ++phaseId * 10 + run, o.people(), o.discordChannels());
                    coachOpen = phase(open, active, "open " + SlackLoadBenchmark.fmt(o.rate()) + "/s", o.rate(),
                            o.warmup(), o.duration(), o.drain(), out);
                    answerReply = open.answerReplies();
                    out.printf(Locale.ROOT, "          typed answers alone: event-to-reply p50 %.2f p99 %.2f ms (%d)%n",
                            answerReply.percentileMillis(50), answerReply.percentileMillis(99), answerReply.count());
                    Latencies startReply = open.openings();
                    out.printf(Locale.ROOT, "          interview starts: command to the opening in its thread p50 %.2f p99 %.2f ms (%d)%n",
                            startReply.percentileMillis(50), startReply.percentileMillis(99), startReply.count());
                    coachClosed = phase(new DiscordLoadDriver(discord, coach, ++phaseId * 10 + run, o.closedPeople(),
                            o.discordChannels()),
                            active, "closed loop", 0, o.closedWarmup(), o.closedDuration(), o.drain(), out);
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (coach.pending() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    lanes = SlackLoadBenchmark.threadsNamed("coach-lane-");
                    out.printf("coach: threads that have run events: %d%n", lanes);
                }
                PhaseResult bareOpen;
                PhaseResult bareClosed;
                try (BareJdaBot bare = new BareJdaBot(discord)) {
                    bareOpen = phase(new DiscordLoadDriver(discord, bare, ++phaseId * 10 + run, o.people()), active,
                            "open " + SlackLoadBenchmark.fmt(o.rate()) + "/s", o.rate(), o.warmup(), o.duration(),
                            o.drain(), out);
                    bareClosed = phase(new DiscordLoadDriver(discord, bare, ++phaseId * 10 + run, o.closedPeople()),
                            active, "closed loop", 0, o.closedWarmup(), o.closedDuration(), o.drain(), out);
                }
                DiscordRun result = new DiscordRun(coachOpen, answerReply, coachClosed, bareOpen, bareClosed, lanes);
                out.printf(Locale.ROOT, "Discord run %d: closed loop, coach replies/s over bare acks/s = %.2f%n", run,
                        result.closedRatio());
                runs.add(result);
            }
        } finally {
            housekeeping.shutdownNow();
        }
        summarize(runs, out);
        return runs;
    }

    private static PhaseResult phase(DiscordLoadDriver driver, AtomicReference<DiscordLoadDriver> active, String name,
                                     double rate, Duration warmup, Duration window, Duration drain, PrintStream out)
            throws InterruptedException {
        active.set(driver);
        PhaseResult result = driver.run(name, rate, warmup, window, drain);
        active.set(null);
        out.printf(Locale.ROOT, "%-9s %-12s people %3d  sent %6d in %.0f s  completed %7.1f/s  interaction ack p50 %6.2f"
                        + " p99 %7.2f ms (%d)  reply p50 %6.2f p99 %7.2f ms  refused %d  missing replies %d  stalls %d"
                        + "  idle slots %d  sender lag max %.1f ms%n",
                result.target(), result.phase(), result.people(), result.sent(), result.seconds(),
                result.completedPerSecond(), result.ack().percentileMillis(50), result.ack().percentileMillis(99),
                result.ack().count(), result.reply().percentileMillis(50), result.reply().percentileMillis(99),
                result.refused(), result.missingReplies(), result.stalls(), result.idleSlots(), result.maxLagMillis());
        out.printf(Locale.ROOT, "          REST calls %d for %d answers and %d slash commands sent: %.2f per event;"
                        + " by route %s%n", result.calls().total(), result.calls().answers(), result.calls().commands(),
                result.calls().perEvent(), result.calls().byMethod());
        out.printf(Locale.ROOT, "          load average %s -> %s; CPU: this process %.2f cores, other processes %.2f"
                        + " cores; busiest threads (cores): %s%n", result.spent().loadBefore(),
                result.spent().loadAfter(), result.spent().processCores(), result.spent().otherCores(),
                result.spent().top(6));
        return result;
    }

    private static void summarize(List<DiscordRun> runs, PrintStream out) {
        out.printf("%n== Discord: %s of %d run(s) ==%n", runs.size() > 1 ? "medians" : "figures", runs.size());
        row(out, "coach, open loop: completed events/s", runs, r -> r.coachOpen().completedPerSecond(), "");
        row(out, "coach, open loop: interaction ack p50 ms", runs, r -> r.coachOpen().ack().percentileMillis(50), "");
        row(out, "coach, open loop: interaction ack p99 ms", runs, r -> r.coachOpen().ack().percentileMillis(99),
                "Discord allows " + SlackLoadBenchmark.fmt(DISCORD_ACK_LIMIT_MS));
        row(out, "coach, open loop: event-to-reply p50 ms", runs, r -> r.coachOpen().reply().percentileMillis(50), "");
        row(out, "coach, open loop: event-to-reply p99 ms", runs, r -> r.coachOpen().reply().percentileMillis(99), "");
        row(out, "coach, open loop: typed answer to reply p99 ms", runs, r -> r.coachAnswerReply().percentileMillis(99),
                "");
        row(out, "coach, open loop: errors (refused + missing replies)", runs, r -> r.coachOpen().errors(), "");
        row(out, "coach, open loop: stalls", runs, r -> r.coachOpen().stalls(), "");
        row(out, "coach, open loop: REST calls per event", runs, r -> r.coachOpen().calls().perEvent(), "");
        row(out, "bare,  open loop: completed events/s", runs, r -> r.bareOpen().completedPerSecond(), "");
        row(out, "bare,  open loop: interaction ack p50 ms", runs, r -> r.bareOpen().ack().percentileMillis(50), "");
        row(out, "bare,  open loop: interaction ack p99 ms", runs, r -> r.bareOpen().ack().percentileMillis(99), "");
        row(out, "coach, closed loop: replies/s", runs, r -> r.coachClosed().completedPerSecond(), "");
        row(out, "coach, closed loop: interaction ack p99 ms", runs, r -> r.coachClosed().ack().percentileMillis(99), "");
        row(out, "coach, closed loop: event-to-reply p99 ms", runs, r -> r.coachClosed().reply().percentileMillis(99),
                "");
        row(out, "coach, closed loop: errors", runs, r -> r.coachClosed().errors(), "");
        row(out, "bare,  closed loop: interaction acks/s", runs, r -> r.bareClosed().completedPerSecond(), "");
        row(out, "bare,  closed loop: interaction ack p99 ms", runs, r -> r.bareClosed().ack().percentileMillis(99), "");
        row(out, "ratio coach replies/s over bare acks/s (closed loop)", runs, DiscordRun::closedRatio, "");
        row(out, "other processes' CPU during coach open loop, cores", runs, r -> r.coachOpen().spent().otherCores(), "");
        row(out, "other processes' CPU during coach closed loop, cores", runs,
                r -> r.coachClosed().spent().otherCores(), "");
    }

    private static void row(PrintStream out, String name, List<DiscordRun> runs, ToDoubleFunction<DiscordRun> figure,
                            String target) {
        double[] values = runs.stream().mapToDouble(figure).toArray();
        String each = runs.size() > 1 ? "  (runs: " + String.join(", ", Arrays.stream(values).mapToObj(
                SlackLoadBenchmark::fmt).toList()) + ")" : "";
        out.printf("%-55s %10s  %s%s%n", name, SlackLoadBenchmark.fmt(SlackLoadBenchmark.median(values)), target, each);
    }
}
