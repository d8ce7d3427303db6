package dev.interviewcoach.progress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.time.Instant;

/**
 * A person's progress, computed from every scored answer they gave (mock interviews and
 * questions of the day): how many, the mean score per topic and where it is heading, their daily
 * streak counted in their own time zone, and their weakest topics.
 */
public record Progress(int answered, List<TopicStats> topics, int currentStreak, int bestStreak,
                       boolean answeredToday, List<TopicStats> weakest) {

    /** One scored answer: when, on which topic, and the score out of 5. */
    public record Scored(Instant at, String track, String topic, int score) {}

    /**
     * A topic's figures. {@code trend} is the mean of the latest three answers minus the mean of the
     * three before them (zero until there are four), so a positive trend means getting better.
     */
    public record TopicStats(String track, String topic, int answers, double mean, double trend, Instant last) {}

    /** A topic counts as weak below this mean score. */
    static final double WEAK_BELOW = 3.0;

    public static Progress of(List<Scored> scored, ZoneId zone, LocalDate today) {
        Map<String, List<Scored>> byTopic = new LinkedHashMap<>();
        scored.stream().sorted(Comparator.comparing(Scored::at))
                .forEach(s -> byTopic.computeIfAbsent(s.topic(), t -> new ArrayList<>()).add(s));
        List<TopicStats> topics = new ArrayList<>();
        byTopic.forEach((topic, list) -> {
            double mean = list.stream().mapToInt(Scored::score).average().orElse(0);
            topics.add(new TopicStats(list.getLast().track(), topic, list.size(), mean, trend(list), list.getLast().at()));
        });
        topics.sort(Comparator.comparing(TopicStats::answers).reversed().thenComparing(TopicStats::topic));
        List<TopicStats> weakest = topics.stream().filter(t -> t.mean() < WEAK_BELOW)
                .sorted(Comparator.comparingDouble(TopicStats::mean).thenComparing(TopicStats::topic)).limit(3).toList();
        TreeSet<LocalDate> days = new TreeSet<>();
        scored.forEach(s -> days.add(s.at().atZone(zone).toLocalDate()));
        boolean answeredToday = days.contains(today);
        // A streak is still alive on a day without an answer yet: it ends only when the day does.
        int current = 0;
        LocalDate day = answeredToday ? today : today.minusDays(1);
        while (days.contains(day)) {
            current++;
            day = day.minusDays(1);
        }
        int best = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : days) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            best = Math.max(best, run);
            previous = d;
        }
        return new Progress(scored.size(), List.copyOf(topics), current, best, answeredToday, weakest);
    }

    private static double trend(List<Scored> list) {
        if (list.size() < 4) {
            return 0;
        }
        int n = list.size();
        List<Scored> latest = list.subList(n - 3, n);
        List<Scored> before = list.subList(Math.max(0, n - 6), n - 3);
        return latest.stream().mapToInt(Scored::score).average().orElse(0)
                - before.stream().mapToInt(Scored::score).average().orElse(0);
    }

    public Optional<TopicStats> weakestTopic() {
        return weakest.stream().findFirst();
    }
}
