package dev.interviewcoach.progress;

import dev.interviewcoach.chart.ScoreChart;
import dev.interviewcoach.chat.Attachment;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The picture that goes with {@code stats}: a person's score over time, one line per topic (the
 * topics they answered most), each point the mean of that topic's answers on one day in their zone.
 */
public final class ProgressChart {

    /** Topics drawn; a person's most answered first. */
    static final int TOPICS = 6;

    private final Function<ZoneId, ScoreChart> charts;

    /** Charts with text where this machine can draw it. */
    public ProgressChart() {
        this(ScoreChart::forZone);
    }

    /** Charts made by {@code charts} for a zone (tests choose the text mode). */
    public ProgressChart(Function<ZoneId, ScoreChart> charts) {
        this.charts = charts;
    }

    /** The chart as a PNG attachment, or nothing when nothing is scored. */
    public Optional<Attachment> of(List<Progress.Scored> scored, ZoneId zone, LocalDate today) {
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Progress.Scored>> byTopic = new LinkedHashMap<>();
        scored.stream().sorted(Comparator.comparing(Progress.Scored::at))
                .forEach(s -> byTopic.computeIfAbsent(s.topic(), t -> new ArrayList<>()).add(s));
        List<Map.Entry<String, List<Progress.Scored>>> topics = byTopic.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Progress.Scored>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOPICS).toList();
        List<ScoreChart.Line> lines = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            Map<LocalDate, List<Integer>> byDay = new TreeMap<>();
            List<Progress.Scored> answers = topics.get(i).getValue();
            answers.forEach(s -> byDay.computeIfAbsent(s.at().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(s.score()));
            List<ScoreChart.Point> points = new ArrayList<>();
            byDay.forEach((day, scores) -> points.add(new ScoreChart.Point(day.atTime(12, 0).atZone(zone).toInstant(),
                    scores.stream().mapToInt(Integer::intValue).average().orElse(0))));
            lines.add(new ScoreChart.Line(topics.get(i).getKey(), points));
            described.add(topics.get(i).getKey() + " (" + ScoreChart.colourName(i) + "): " + answers.size()
                    + (answers.size() == 1 ? " answer" : " answers") + ", first " + answers.getFirst().score()
                    + ", latest " + answers.getLast().score());
        }
        String alt = "Your score (1-5) over time by topic, one point per day: " + String.join("; ", described)
                + (byTopic.size() > TOPICS ? "; " + (byTopic.size() - TOPICS) + (byTopic.size() - TOPICS == 1 ? " more topic" : " more topics") + " not drawn" : "") + ".";
        byte[] png = charts.apply(zone).png("Your score over time by topic", lines);
        return Optional.of(Attachment.png("progress-" + today + ".png", alt, png));
    }
}
