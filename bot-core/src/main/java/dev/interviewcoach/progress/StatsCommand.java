package dev.interviewcoach.progress;

import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.pair.PairingRepository;
import dev.interviewcoach.review.ReviewCommand;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code stats}: a person's progress, shown only to them, with one suggested next step. */
public final class StatsCommand implements CommandHandler {

    private final ProgressService progress;
    private final Reminders.DueReviews due;
    private final Clock clock;
    private final ProgressChart chart;

    public StatsCommand(ProgressService progress) {
        this(progress, (user, now) -> 0, Clock.systemUTC());
    }

    /** Stats that also say how many questions are due for spaced review. */
    public StatsCommand(ProgressService progress, Reminders.DueReviews due, Clock clock) {
        this(progress, due, clock, new ProgressChart());
    }

    /** Stats with a chart of the person's scores over time by topic, drawn by {@code chart}. */
    public StatsCommand(ProgressService progress, Reminders.DueReviews due, Clock clock, ProgressChart chart) {
        this.progress = progress;
        this.due = due;
        this.clock = clock;
        this.chart = chart;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("stats", "your progress: answers, scores by topic, streaks, what to practise next").alsoCalled("progress", "scores", "results"));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        Reply page = page(command.user(), port);
        ZoneId zone = progress.zoneOf(command.user(), port.zoneOf(command.user()));
        Reply withChart = chart.of(progress.scored(command.user()), zone, clock.instant().atZone(zone).toLocalDate())
                .map(page::attach).orElse(page);
        port.post(command.place(), withChart.onlyTo(command.user()));
    }

    /** The progress page; also the top of the Slack App Home. */
    public Reply page(UserRef user, ChatPort port) {
        ZoneId zone = progress.zoneOf(user, port.zoneOf(user));
        Progress p = progress.progress(user, zone);
        Reply.Builder reply = Reply.builder(summary(p)).heading("Your progress");
        if (p.answered() == 0) {
            return reply.text("Nothing scored yet. Answer a question of the day in a subscribed channel, or start a"
                    + " mock interview with: mock").build();
        }
        List<Block.Field> fields = new ArrayList<>(List.of(
                new Block.Field("Questions answered", RichText.of(Integer.toString(p.answered()))),
                new Block.Field("Daily streak", RichText.of(streak(p))),
                new Block.Field("Best streak", RichText.of(p.bestStreak() + (p.bestStreak() == 1 ? " day" : " days")))));
        withPeers(progress.answeredWithPeers(user)).ifPresent(peers -> fields.add(new Block.Field("With peers", RichText.of(peers))));
        reply.block(new Block.Fields(fields));
        List<RichText> rows = new ArrayList<>();
        for (Progress.TopicStats t : p.topics().subList(0, Math.min(8, p.topics().size()))) {
            rows.add(RichText.builder().bold(t.topic()).plain(String.format(Locale.ROOT, ": %.1f/5 over %d %s%s", t.mean(),
                    t.answers(), t.answers() == 1 ? "answer" : "answers", trend(t))).build());
        }
        reply.text(RichText.builder().bold("By topic").build()).text(new RichText(List.of(new RichText.Bullets(rows))));
        if (!p.weakest().isEmpty()) {
            reply.text(RichText.builder().bold("Weakest: ").plain(String.join(", ",
                    p.weakest().stream().map(Progress.TopicStats::topic).toList())).build());
        }
        reply.text(RichText.builder().bold("Next step: ").plain(nextStep(p)).build());
        int dueNow = due.count(user, clock.instant());
        if (dueNow > 0) {
            reply.text(RichText.builder().bold("Due for review: ").plain(dueNow + (dueNow == 1 ? " question" : " questions")
                    + " you are about to forget; practise them with: review due").build());
            reply.block(new Block.Buttons(List.of(new Block.Button("Review " + dueNow + " now", ReviewCommand.DUE_BUTTON,
                    Block.Style.PRIMARY, "review due"))));
        }
        reply.text(RichText.builder().italic("Days are counted in " + zone.getId()
                + (progress.knowsZoneOf(user, port.zoneOf(user)) ? "" : " (if that is not yours: zone Europe/Berlin)")
                + ". Only you can see this.").build());
        return reply.build();
    }

    /** "3 questions, scored 3.7/5 on average by your partners", when there are any. */
    static Optional<String> withPeers(List<PairingRepository.AnsweredWithPeer> answered) {
        if (answered.isEmpty()) {
            return Optional.empty();
        }
        double mean = answered.stream().mapToInt(PairingRepository.AnsweredWithPeer::peerScore).average().orElse(0);
        return Optional.of(answered.size() + (answered.size() == 1 ? " question" : " questions")
                + String.format(Locale.ROOT, ", scored %.1f/5 on average by your partners", mean));
    }

    static String nextStep(Progress p) {
        return p.weakestTopic()
                .map(t -> "start a 3-question mock on " + t.topic() + ": mock " + t.track() + " 3 on " + t.topic())
                .orElse(p.answeredToday() ? "keep the streak going tomorrow; for more today, try a 5-question mock"
                        : "answer today's question to keep your streak, or start a 5-question mock");
    }

    private static String streak(Progress p) {
        String days = p.currentStreak() + (p.currentStreak() == 1 ? " day" : " days");
        return p.currentStreak() > 0 && !p.answeredToday() ? days + " (answer today to keep it)" : days;
    }

    private static String trend(Progress.TopicStats t) {
        if (t.trend() >= 0.5) {
            return ", improving";
        }
        return t.trend() <= -0.5 ? ", slipping" : "";
    }

    private static String summary(Progress p) {
        return "Your progress: " + p.answered() + " answered, streak " + p.currentStreak() + ", best " + p.bestStreak();
    }
}
