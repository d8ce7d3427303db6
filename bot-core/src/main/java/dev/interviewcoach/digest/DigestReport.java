package dev.interviewcoach.digest;

import dev.interviewcoach.chart.ScoreChart;
import dev.interviewcoach.chat.Attachment;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a cohort digest says about the 7 days before it: how many answers and active people (and
 * the week before), the median score per track and topic with its trend, the three weakest topics
 * with a mock interview to practise each, the people who took part and agreed to be named (the
 * others only counted), and a chart of the weekly median over the last {@link #WEEKS} weeks.
 */
public final class DigestReport {

    /** Weeks the chart looks back. */
    public static final int WEEKS = 8;
    /** Rows of the per-topic table. */
    static final int TOPIC_ROWS = 10;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final DigestRepository digests;
    private final BankCatalog banks;
    private final Predicate<UserRef> muted;
    private final Function<ZoneId, ScoreChart> charts;

    /**
     * @param muted  whether a person muted the coach (they are counted, never named)
     * @param charts the chart maker for a zone
     */
    public DigestReport(DigestRepository digests, BankCatalog banks, Predicate<UserRef> muted,
                        Function<ZoneId, ScoreChart> charts) {
        this.digests = digests;
        this.banks = banks;
        this.muted = muted;
        this.charts = charts;
    }

    /** One answer placed in its track and topic. */
    private record Placed(UserRef user, String track, String topic, int score, int week) {}

    /**
     * Whether the channel has practised at all in the two weeks up to {@code now}: a digest of two empty weeks
     * would only repeat that nobody practised, and a channel that gets it every week learns to ignore the coach.
     */
    public boolean quiet(Place cohort, Instant now) {
        return digests.scored(cohort, now.minus(WEEK.multipliedBy(2)), now.plusMillis(1)).isEmpty();
    }

    /** The digest of {@code cohort} for the 7 days up to {@code now}, dates shown in {@code zone}. */
    public Reply build(Place cohort, ZoneId zone, Instant now) {
        List<Placed> answers = new ArrayList<>();
        for (DigestRepository.Scored s : digests.scored(cohort, now.minus(WEEK.multipliedBy(WEEKS)), now.plusMillis(1))) {
            int week = (int) (Duration.between(s.at(), now).toMillis() / WEEK.toMillis());
            Optional<Question> q = banks.current().question(s.questionId());
            String track = q.map(Question::track).orElse("other");
            String topic = q.map(x -> x.topics().isEmpty() ? x.kind().word() : x.topics().getFirst()).orElse("other");
            answers.add(new Placed(s.user(), track, topic, s.score(), Math.min(week, WEEKS - 1)));
        }
        List<Placed> thisWeek = answers.stream().filter(a -> a.week() == 0).toList();
        List<Placed> lastWeek = answers.stream().filter(a -> a.week() == 1).toList();
        LocalDate from = now.minus(WEEK).atZone(zone).toLocalDate();
        LocalDate to = now.atZone(zone).toLocalDate();
        String period = DAY.format(from) + " to " + DAY.format(to);
        long active = people(thisWeek);
        String fallback = "Weekly digest, " + period + ": " + thisWeek.size() + plural(thisWeek.size(), " answer", " answers")
                + " from " + active + plural(active, " person", " people") + ".";
        Reply.Builder reply = Reply.builder(fallback).heading("Weekly digest: " + period);
        reply.text(RichText.builder().plain("How ").channel(cohort).plain(" practised in the 7 days to "
                + DAY.format(to) + ".").build());
        reply.block(new Block.Fields(List.of(
                new Block.Field("Answers", RichText.of(thisWeek.size() + " (week before: " + lastWeek.size() + ")")),
                new Block.Field("Active people", RichText.of(active + " (week before: " + people(lastWeek) + ")")),
                new Block.Field("Median score", RichText.of(thisWeek.isEmpty() ? "none yet"
                        : format(median(scores(thisWeek))) + trend(scores(thisWeek), scores(lastWeek)))))));
        if (thisWeek.isEmpty()) {
            reply.text("Nobody answered a question of the day or practised a mock interview here this week.");
        } else {
            topics(reply, thisWeek, lastWeek);
            weakest(reply, thisWeek);
        }
        named(reply, thisWeek, cohort);
        // Eight weeks of "no answers" drawn as a chart would say nothing the line above does not.
        return (answers.isEmpty() ? reply : reply.attach(chart(answers, zone, now))).build();
    }

    private void topics(Reply.Builder reply, List<Placed> thisWeek, List<Placed> lastWeek) {
        Map<String, List<Placed>> byTopic = group(thisWeek);
        Map<String, List<Placed>> before = group(lastWeek);
        List<RichText> rows = new ArrayList<>();
        byTopic.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Placed>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOPIC_ROWS)
                .forEach(e -> {
                    Placed first = e.getValue().getFirst();
                    List<Integer> now = scores(e.getValue());
                    rows.add(RichText.builder().bold(first.topic()).plain(" (" + first.track() + "): median "
                            + format(median(now)) + " over " + now.size() + plural(now.size(), " answer", " answers")
                            + trend(now, scores(before.getOrDefault(e.getKey(), List.of())))).build());
                });
        reply.text(RichText.builder().bold("Median score by track and topic").build())
                .text(new RichText(List.of(new RichText.Bullets(rows))));
    }

    private void weakest(Reply.Builder reply, List<Placed> thisWeek) {
        List<Map.Entry<String, List<Placed>>> weakest = group(thisWeek).entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, List<Placed>> e) -> median(scores(e.getValue())))
                        .thenComparing(e -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
                .limit(3).toList();
        List<RichText> rows = new ArrayList<>();
        for (Map.Entry<String, List<Placed>> e : weakest) {
            Placed first = e.getValue().getFirst();
            rows.add(RichText.builder().bold(first.topic()).plain(" (median " + format(median(scores(e.getValue())))
                    + "): practise with ").code("mock " + first.track() + " 3 on " + first.topic()).build());
        }
        reply.text(RichText.builder().bold("Weakest topics this week").build())
                .text(new RichText(List.of(new RichText.Bullets(rows))));
    }

    /** Names those who agreed (and are not muted); everyone else is a number. */
    private void named(Reply.Builder reply, List<Placed> thisWeek, Place cohort) {
        Map<UserRef, Long> answersBy = thisWeek.stream().collect(Collectors.groupingBy(Placed::user, LinkedHashMap::new,
                Collectors.counting()));
        if (answersBy.isEmpty()) {
            return;
        }
        Set<String> agreed = digests.namedIn(cohort.platform(), cohort.tenant());
        List<UserRef> named = answersBy.keySet().stream()
                .filter(u -> agreed.contains(u.userId()) && !muted.test(u))
                .sorted(Comparator.comparing((UserRef u) -> -answersBy.get(u)).thenComparing(UserRef::userId))
                .toList();
        int others = answersBy.size() - named.size();
        RichText.Builder line = RichText.builder().bold("Taking part: ");
        for (int i = 0; i < named.size(); i++) {
            line.plain(i == 0 ? "" : ", ").mention(named.get(i)).plain(" (" + answersBy.get(named.get(i)) + ")");
        }
        if (named.isEmpty()) {
            line.plain(others + plural(others, " person", " people") + ".");
        } else {
            line.plain(others == 0 ? "." : "; and " + others + plural(others, " other", " others") + ".");
        }
        reply.text(line.build());
        reply.text(RichText.builder().italic("Only people who typed digest show-me on are named; the rest are counted.")
                .build());
    }

    /** The weekly median of the whole cohort, oldest week first, as a chart with its words as alt text. */
    private Attachment chart(List<Placed> answers, ZoneId zone, Instant now) {
        Map<Integer, List<Integer>> byWeek = new TreeMap<>(Comparator.reverseOrder());
        answers.forEach(a -> byWeek.computeIfAbsent(a.week(), w -> new ArrayList<>()).add(a.score()));
        List<ScoreChart.Point> points = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int week = WEEKS - 1; week >= 0; week--) {
            Instant end = now.minus(WEEK.multipliedBy(week));
            List<Integer> scores = byWeek.get(week);
            String label = "week to " + SHORT.format(end.atZone(zone));
            if (scores == null) {
                words.add(label + ": no answers");
                continue;
            }
            points.add(new ScoreChart.Point(end, median(scores)));
            words.add(label + ": " + format(median(scores)));
        }
        String alt = "Median score (1-5) per week, last " + WEEKS + " weeks: " + String.join("; ", words) + ".";
        byte[] png = charts.apply(zone).png("Median score per week", List.of(new ScoreChart.Line("median", points)));
        return Attachment.png("digest-" + now.atZone(zone).toLocalDate() + ".png", alt, png);
    }

    private static Map<String, List<Placed>> group(List<Placed> answers) {
        Map<String, List<Placed>> out = new LinkedHashMap<>();
        answers.forEach(a -> out.computeIfAbsent(a.track() + "/" + a.topic(), k -> new ArrayList<>()).add(a));
        return out;
    }

    private static long people(List<Placed> answers) {
        return answers.stream().map(Placed::user).distinct().count();
    }

    private static List<Integer> scores(List<Placed> answers) {
        return answers.stream().map(Placed::score).toList();
    }

    /** The middle score, or the mean of the two middle ones. */
    static double median(List<Integer> scores) {
        if (scores.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = scores.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static String trend(List<Integer> now, List<Integer> before) {
        if (before.isEmpty()) {
            return "";
        }
        double change = median(now) - median(before);
        return change >= 0.5 ? ", up from " + format(median(before))
                : change <= -0.5 ? ", down from " + format(median(before)) : ", steady";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
