package dev.interviewcoach.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a typed answer reads: its length band, hedges ("I think", "maybe") and fillers ("basically",
 * "you know"), and words leaned on too often.
 */
public final class Delivery {

    static final int SHORT_WORDS = 25;
    static final int LONG_WORDS = 350;

    /** Whether an answer is too short, about right, or rambling. */
    public enum Length {
        TOO_SHORT,
        GOOD,
        RAMBLING
    }

    /** What the delivery signal found. */
    public record Result(int words, Length length, List<String> hedges, List<String> fillers, List<String> overused) {
        public Result {
            hedges = List.copyOf(hedges);
            fillers = List.copyOf(fillers);
            overused = List.copyOf(overused);
        }
    }

    private static final Pattern HEDGE = Pattern.compile("\\b(i think|i guess|maybe|probably|perhaps|kind of|sort of|i'm not sure|not sure"
            + "|i suppose|i believe|might be|possibly|somewhat)\\b");
    private static final Pattern FILLER = Pattern.compile("\\b(um+|uh+|erm|basically|actually|literally|you know|i mean|like,|stuff|things like that"
            + "|and so on|etc|whatever)\\b");
    private static final Set<String> COMMON = Set.of("the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "for", "with", "is",
            "are", "was", "were", "it", "that", "this", "i", "we", "you", "they", "be", "as", "at", "by", "so", "if", "then", "from",
            "my", "our", "me", "us", "not", "no", "do", "did", "have", "has", "had", "can", "will", "would", "which", "what",
            "when", "there", "their", "them", "its", "it's", "i'd", "i'm", "we'd", "also", "just", "one", "all", "more", "than",
            "into", "out", "up", "about", "each", "every", "some", "any", "how", "who", "because", "could", "should", "been");

    public Result assess(AnalyzedText answer, Set<String> questionWords) {
        int words = answer.wordCount();
        Length length = words < SHORT_WORDS ? Length.TOO_SHORT : words > LONG_WORDS ? Length.RAMBLING : Length.GOOD;
        String text = answer.spaced();
        List<String> hedges = findAll(HEDGE, text);
        List<String> fillers = findAll(FILLER, text);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String w : answer.words()) {
            if (w.length() > 2 && !COMMON.contains(w) && !questionWords.contains(w)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        int limit = Math.max(4, words / 40);
        List<String> overused = counts.entrySet().stream()
                .filter(e -> e.getValue() >= limit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
        return new Result(words, length, hedges, fillers, overused);
    }

    private static List<String> findAll(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }
}
