package dev.interviewcoach.interview;

import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.HashMap;

/**
 * Chooses the questions of a new interview: random but spread across topics (no topic twice
 * while another is unused), ordered from warm-up to hardest as a real interview runs. With topic
 * weights, heavier topics are likelier to be among those chosen when there are more topics than
 * questions (weighted sampling without replacement: each topic draws the key u^(1/w)).
 */
public final class QuestionPicker {

    private final RandomGenerator random;

    public QuestionPicker(RandomGenerator random) {
        this.random = random;
    }

    public List<Question> pick(Bank bank, int count) {
        return pick(bank, count, Map.of());
    }

    public List<Question> pick(Bank bank, int count, Map<String, Double> weights) {
        List<Question> pool = new ArrayList<>(bank.questions());
        shuffle(pool);
        Map<String, List<Question>> grouped = new LinkedHashMap<>();
        for (Question q : pool) {
            String topic = q.topics().isEmpty() ? q.kind().word() : q.topics().getFirst();
            grouped.computeIfAbsent(topic, t -> new ArrayList<>()).add(q);
        }
        Map<String, List<Question>> byTopic = weights.isEmpty() ? grouped : weighted(grouped, weights);
        List<Question> chosen = new ArrayList<>();

        while (chosen.size() < Math.min(count, pool.size())) {
            for (List<Question> group : byTopic.values()) {
                if (!group.isEmpty() && chosen.size() < count) {
                    chosen.add(group.removeFirst());
                }
            }
        }
        chosen.sort(Comparator.comparingInt(Question::difficulty));
        return chosen;
    }

    /** The topics reordered by weighted random keys, heaviest likeliest first. */
    private Map<String, List<Question>> weighted(Map<String, List<Question>> grouped, Map<String, Double> weights) {
        Map<String, Double> keys = new HashMap<>();
        grouped.keySet().forEach(topic -> keys.put(topic,
                Math.pow(random.nextDouble(), 1.0 / Math.max(0.01, weights.getOrDefault(topic, 1.0)))));
        Map<String, List<Question>> ordered = new LinkedHashMap<>();
        grouped.keySet().stream().sorted(Comparator.comparingDouble((String t) -> keys.get(t)).reversed())
                .forEach(topic -> ordered.put(topic, grouped.get(topic)));
        return ordered;
    }

    private void shuffle(List<Question> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Question swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
