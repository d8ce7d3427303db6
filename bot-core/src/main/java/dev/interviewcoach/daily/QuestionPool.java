package dev.interviewcoach.daily;

import dev.interviewcoach.question.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses a channel's next question of the day: none repeats until every question of the track
 * has been posted, and the topic differs from the last one's where another is left. Deterministic
 * for a given random seed.
 */
public final class QuestionPool {

    /** The choice, and whether the track was used up and started again with it. */
    public record Choice(Question question, boolean startedOver) {}

    private final RandomGenerator random;

    public QuestionPool(RandomGenerator random) {
        this.random = random;
    }

    /** @param posted the ids posted so far, oldest first */
    public Choice next(List<Question> track, List<String> posted) {
        if (track.isEmpty()) {
            throw new IllegalArgumentException("the track has no questions");
        }
        Set<String> available = new HashSet<>(track.stream().map(Question::id).toList());
        // Only posts of the current round count: a round ends when every question has been posted.
        Set<String> sinceReset = new HashSet<>();
        for (String id : posted) {
            if (sinceReset.containsAll(available)) {
                sinceReset.clear();
            }
            if (available.contains(id)) {
                sinceReset.add(id);
            }
        }
        boolean usedUp = sinceReset.containsAll(available);
        List<Question> fresh = new ArrayList<>(track.stream()
                .filter(q -> usedUp || !sinceReset.contains(q.id())).sorted(Comparator.comparing(Question::id)).toList());
        String lastTopic = posted.isEmpty() ? null : track.stream().filter(q -> q.id().equals(posted.getLast()))
                .findFirst().flatMap(q -> q.topics().stream().findFirst()).orElse(null);
        List<Question> otherTopic = fresh.stream()
                .filter(q -> lastTopic == null || q.topics().isEmpty() || !q.topics().getFirst().equals(lastTopic)).toList();
        List<Question> from = otherTopic.isEmpty() ? fresh : otherTopic;
        if (usedUp && from.size() > 1 && !posted.isEmpty()) {
            // Starting over: never open with the question that was just posted.
            from = from.stream().filter(q -> !q.id().equals(posted.getLast())).toList();
        }
        return new Choice(from.get(random.nextInt(from.size())), usedUp);
    }
}
