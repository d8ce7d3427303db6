package dev.interviewcoach.interview;

import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Chooses the questions of a new interview: random but spread across topics (no topic twice
 * while another is unused), ordered from warm-up to hardest as a real interview runs.
 */
public final class QuestionPicker {

    private final RandomGenerator random;

    public QuestionPicker(RandomGenerator random) {
        this.random = random;
    }

    public List<Question> pick(Bank bank, int count) {
        List<Question> pool = new ArrayList<>(bank.questions());
        shuffle(pool);
        Map<String, List<Question>> byTopic = new LinkedHashMap<>();
        for (Question q : pool) {
            String topic = q.topics().isEmpty() ? q.kind().word() : q.topics().getFirst();
            byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(q);
        }
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

    private void shuffle(List<Question> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Question swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
