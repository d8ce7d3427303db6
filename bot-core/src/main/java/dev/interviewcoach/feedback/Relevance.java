package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TalkingPoint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an answer is about the question asked. Every question has a vocabulary (its text,
 * talking points, guidance and example answer); an answer's relevance to a question is the share
 * of its distinctive words, weighted by how rare they are across all questions, that the
 * question's vocabulary holds. An answer that fits another question much better than the one
 * asked, or fits none, is off-topic.
 */
public final class Relevance {

    /** How an answer relates to the question asked and to the best other question. */
    public record Result(double share, double bestOtherShare, String bestOtherId, boolean offTopic) {}

    private final Map<String, Set<String>> vocabularies = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final List<Question> questions;
    private final double unknownIdf;

    public Relevance(QuestionBanks banks, TextAnalyzer analyzer) {
        this.questions = banks.tracks().stream().map(Bank::questions).flatMap(List::stream).toList();
        Map<String, Integer> df = new HashMap<>();
        for (Question q : questions) {
            Set<String> vocabulary = new HashSet<>(analyzer.stems(vocabularyText(q)));
            vocabularies.put(key(q), vocabulary);
            vocabulary.forEach(stem -> df.merge(stem, 1, Integer::sum));
        }
        int n = Math.max(1, questions.size());
        df.forEach((stem, count) -> idf.put(stem, Math.log((double) (n + 1) / count)));
        this.unknownIdf = Math.log(n + 1.0);
    }

    private static String key(Question q) {
        return q.track() + "/" + q.id();
    }

    private static String vocabularyText(Question q) {
        StringBuilder text = new StringBuilder(q.text()).append(' ').append(q.guidance()).append(' ')
                .append(q.exampleAnswer()).append(' ').append(String.join(" ", q.topics()).replace('-', ' '));
        for (TalkingPoint p : q.talkingPoints()) {
            text.append(' ').append(p.point()).append(' ').append(String.join(" ", p.shownBy()));
        }
        q.hints().forEach(h -> text.append(' ').append(h));
        return text.toString();
    }

    public Result assess(Question asked, AnalyzedText answer, double coverage) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String stem : answer.stems()) {
            if (!stem.chars().allMatch(Character::isDigit)) {
                distinct.add(stem);
            }
        }
        double share = share(vocabularies.getOrDefault(key(asked), Set.of()), distinct);
        double best = 0;
        String bestId = null;
        for (Question q : questions) {
            if (q.id().equals(asked.id()) && q.track().equals(asked.track())) {
                continue;
            }
            double s = share(vocabularies.get(key(q)), distinct);
            if (s > best) {
                best = s;
                bestId = q.id();
            }
        }
        boolean offTopic = distinct.isEmpty()
                || (coverage < 0.34 && share < 0.25)
                || (coverage < 0.5 && best > share * 1.25 && best - share > 0.08);
        return new Result(share, best, bestId, offTopic);
    }

    private double share(Set<String> vocabulary, Set<String> answer) {
        double total = 0;
        double inside = 0;
        for (String stem : answer) {
            double weight = idf.getOrDefault(stem, unknownIdf);
            total += weight;
            if (vocabulary.contains(stem)) {
                inside += weight;
            }
        }
        return total == 0 ? 0 : inside / total;
    }
}
