package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.text.EditDistance;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which talking points an answer shows, and with which words. A point is shown by one of
 * its phrases (as consecutive stems, or for a short phrase all its words close together in any
 * order), or by the point's own key words appearing close together. One typo is forgiven in words
 * of five letters or more.
 */
public final class TalkingPointMatcher {

    private static final int TYPO_MIN_LENGTH = 5;
    /** Extra words allowed between the words of a phrase matched out of order. */
    private static final int PHRASE_SLACK = 3;
    /** How close the key words of a point's own sentence must stand. */
    private static final int POINT_WINDOW = 14;
    /** Words too common in answers to show a point by themselves. */
    private static final Set<String> GENERIC = Set.of("use", "make", "good", "way", "thing", "need", "want", "get",
            "can", "one", "work", "time", "like", "know", "just", "also", "set", "take", "keep", "give", "well",
            "mean", "much", "mani", "first", "new", "right", "sure", "will", "would", "could", "should",
            "it'", "it", "what", "when", "how", "why", "say", "said", "explain", "describ", "name", "show");

    private final TextAnalyzer analyzer;
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final Map<String, Integer> synonymGroup;

    public TalkingPointMatcher(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.synonymGroup = loadSynonyms(analyzer);
    }

    /** Each stem of {@code synonyms.txt} mapped to the number of its group. */
    private static Map<String, Integer> loadSynonyms(TextAnalyzer analyzer) {
        Map<String, Integer> groups = new java.util.HashMap<>();
        try (java.io.InputStream in = TalkingPointMatcher.class.getResourceAsStream("synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("feedback/synonyms.txt missing from the build");
            }
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            for (int group = 0; group < lines.size(); group++) {
                for (String word : lines.get(group).split(",")) {
                    List<String> stems = analyzer.stems(word.strip());
                    if (stems.size() == 1) {
                        groups.putIfAbsent(stems.getFirst(), group);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.copyOf(groups);
    }

    /** A point the answer showed, with the words that showed it. */
    public record Match(TalkingPoint point, String evidence) {}

    private record Phrase(String text, List<String> stems) {}

    private record Prepared(List<Phrase> phrases, List<String> keyStems) {}

    public List<Match> covered(Question question, AnalyzedText answer) {
        Positions positions = new Positions(answer.stems());
        List<Match> matches = new ArrayList<>();
        for (TalkingPoint point : question.talkingPoints()) {
            Prepared p = prepared.computeIfAbsent(question.track() + "/" + question.id() + "/" + point.id(),
                    k -> prepare(point));
            evidence(p, positions).ifPresent(e -> matches.add(new Match(point, e)));
        }
        return matches;
    }

    /** Covered points for a bare list of points (tests, tools). */
    public List<Match> covered(List<TalkingPoint> points, List<String> answerStems) {
        Positions positions = new Positions(answerStems);
        List<Match> matches = new ArrayList<>();
        for (TalkingPoint point : points) {
            evidence(prepare(point), positions).ifPresent(e -> matches.add(new Match(point, e)));
        }
        return matches;
    }

    private Prepared prepare(TalkingPoint point) {
        List<Phrase> phrases = new ArrayList<>();
        for (String phrase : point.shownBy()) {
            List<String> stems = analyzer.stems(phrase);
            if (!stems.isEmpty()) {
                phrases.add(new Phrase(phrase, stems));
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String stem : analyzer.stems(point.point())) {
            if (!GENERIC.contains(stem) && stem.length() > 2) {
                keys.add(stem);
            }
        }
        return new Prepared(phrases, List.copyOf(keys));
    }

    /**
     * Where each wanted word stands in the answer (exact, synonym or typo), worked out once per
     * distinct word and answer, so matching stays linear in the answer's length.
     */
    private final class Positions {
        private final Map<String, List<Integer>> byStem = new java.util.HashMap<>();
        private final Map<String, BitSet> cache = new java.util.HashMap<>();
        private final int size;

        Positions(List<String> stems) {
            size = stems.size();
            for (int i = 0; i < stems.size(); i++) {
                byStem.computeIfAbsent(stems.get(i), k -> new ArrayList<>()).add(i);
            }
        }

        BitSet of(String wanted) {
            return cache.computeIfAbsent(wanted, w -> {
                BitSet at = new BitSet(size);
                byStem.forEach((stem, where) -> {
                    if (sameWord(stem, w)) {
                        where.forEach(at::set);
                    }
                });
                return at;
            });
        }
    }

    private Optional<String> evidence(Prepared p, Positions answer) {
        for (Phrase phrase : p.phrases()) {
            if (containsRun(answer, phrase.stems())) {
                return Optional.of(phrase.text());
            }
        }
        for (Phrase phrase : p.phrases()) {
            if (phrase.stems().size() >= 2 && phrase.stems().size() <= 3
                    && withinWindow(answer, phrase.stems(), phrase.stems().size(), phrase.stems().size() + PHRASE_SLACK)) {
                return Optional.of(phrase.text());
            }
        }
        int needed = Math.max(2, (int) Math.ceil(p.keyStems().size() * 0.6));
        if (p.keyStems().size() >= 3 && withinWindow(answer, p.keyStems(), needed, POINT_WINDOW)) {
            return Optional.of(String.join(" ", p.keyStems().stream().filter(k -> !answer.of(k).isEmpty()).toList()));
        }
        return Optional.empty();
    }

    private static boolean containsRun(Positions answer, List<String> wanted) {
        BitSet starts = (BitSet) answer.of(wanted.getFirst()).clone();
        for (int k = 1; k < wanted.size() && !starts.isEmpty(); k++) {
            BitSet next = answer.of(wanted.get(k));
            BitSet shifted = new BitSet();
            for (int i = starts.nextSetBit(0); i >= 0; i = starts.nextSetBit(i + 1)) {
                if (next.get(i + k)) {
                    shifted.set(i);
                }
            }
            starts = shifted;
        }
        return !starts.isEmpty();
    }

    /** Whether some window of {@code width} answer stems holds at least {@code needed} of the wanted stems. */
    private static boolean withinWindow(Positions answer, List<String> wanted, int needed, int width) {
        List<BitSet> sets = new ArrayList<>(wanted.size());
        BitSet anyStart = new BitSet();
        for (String w : wanted) {
            BitSet at = answer.of(w);
            sets.add(at);
            anyStart.or(at);
        }
        for (int start = anyStart.nextSetBit(0); start >= 0; start = anyStart.nextSetBit(start + 1)) {
            int found = 0;
            for (BitSet at : sets) {
                int next = at.nextSetBit(start);
                if (next >= 0 && next < start + width) {
                    found++;
                }
            }
            if (found >= needed) {
                return true;
            }
        }
        return false;
    }

    boolean sameWord(String typed, String wanted) {
        if (typed.equals(wanted)) {
            return true;
        }
        Integer group = synonymGroup.get(wanted);
        if (group != null && group.equals(synonymGroup.get(typed))) {
            return true;
        }
        return typed.length() >= TYPO_MIN_LENGTH && wanted.length() >= TYPO_MIN_LENGTH
                && Math.abs(typed.length() - wanted.length()) <= 1
                && typed.charAt(0) == wanted.charAt(0)
                && EditDistance.withSwaps(typed, wanted) <= 1;
    }
}
