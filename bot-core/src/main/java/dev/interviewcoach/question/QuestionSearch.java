package dev.interviewcoach.question;

import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds questions by what a person asks for ("a question about caching"): BM25 over each
 * question's text, topic tags (counted twice: they are what a question is about) and talking
 * points, on English stems.
 */
public final class QuestionSearch {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int TOPIC_WEIGHT = 2;
    /** Words of the request itself ("give me a question about..."), not of the topic. */
    private static final Set<String> REQUEST_WORDS = Set.of("give", "question", "ask", "want", "practic", "practis",
            "interview", "pleas", "topic", "someth", "anoth", "new", "like", "tell");

    /** A question and how well it matched. */
    public record Hit(Question question, double score) {}

    private record Doc(Question question, Map<String, Integer> termCounts, int length) {}

    private final TextAnalyzer analyzer;
    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    public QuestionSearch(QuestionBanks banks, TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        long totalLength = 0;
        for (Bank bank : banks.tracks()) {
            for (Question q : bank.questions()) {
                Map<String, Integer> counts = new HashMap<>();
                int length = add(counts, q.text(), 1);
                length += add(counts, String.join(" ", q.topics()).replace('-', ' '), TOPIC_WEIGHT);
                for (TalkingPoint p : q.talkingPoints()) {
                    length += add(counts, p.point() + " " + String.join(" ", p.shownBy()), 1);
                }
                docs.add(new Doc(q, counts, length));
                counts.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
                totalLength += length;
            }
        }
        averageLength = docs.isEmpty() ? 1 : (double) totalLength / docs.size();
    }

    private int add(Map<String, Integer> counts, String text, int weight) {
        List<String> stems = analyzer.stems(text);
        stems.forEach(s -> counts.merge(s, weight, Integer::sum));
        return stems.size() * weight;
    }

    /** The best matches, best first; ties keep bank order so results are stable. */
    public List<Hit> search(String query, Optional<String> track, int limit) {
        Set<String> terms = new LinkedHashSet<>(analyzer.stems(query));
        if (!REQUEST_WORDS.containsAll(terms)) {
            terms.removeAll(REQUEST_WORDS);
        }
        List<Hit> hits = new ArrayList<>();
        int n = docs.size();
        for (Doc doc : docs) {
            if (track.isPresent() && !doc.question().track().equals(track.get())) {
                continue;
            }
            double score = 0;
            for (String term : terms) {
                Integer tf = doc.termCounts().get(term);
                if (tf == null) {
                    continue;
                }
                int df = documentFrequency.get(term);
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length() / averageLength));
            }
            if (score > 0) {
                hits.add(new Hit(doc.question(), score));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.stream().limit(limit).toList();
    }
}
