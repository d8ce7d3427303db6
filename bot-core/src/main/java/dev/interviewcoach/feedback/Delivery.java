package dev.interviewcoach.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a typed answer reads: its length band, hedges ("I think", "maybe") and fillers ("basically",
 * "you know"), absolutes ("guaranteed", "always", "impossible") that real systems and teams rarely
 * allow, and words leaned on too often.
 */
public final class Delivery {

    static final int SHORT_WORDS = 25;
    /**
     * Too short for a narrow question (one or two points, as a follow-up asks): two sentences that make the point are
     * a whole answer there, where a question with several points needs more.
     */
    static final int SHORT_WORDS_NARROW = 12;
    /** The most points a question may have and still be narrow. */
    static final int NARROW_POINTS = 2;
    static final int LONG_WORDS = 350;

    /** Whether an answer is too short, about right, or rambling. */
    public enum Length {
        TOO_SHORT,
        GOOD,
        RAMBLING
    }

    /** What the delivery signal found. */
    public record Result(int words, Length length, List<String> hedges, List<String> fillers, List<String> absolutes,
                         List<String> overused) {
        public Result {
            hedges = List.copyOf(hedges);
            fillers = List.copyOf(fillers);
            absolutes = List.copyOf(absolutes);
            overused = List.copyOf(overused);
        }

        /** Three absolutes or more: a confident answer that allows no trade-off is usually wrong somewhere. */
        public boolean overclaims() {
            return absolutes.size() >= 3;
        }
    }

    /**
     * "maybe", "probably", "perhaps" and "possibly", but not before a number: "from 1 in 4 to maybe 1 in 30" is an
     * estimate, which is what a chat answer gives, not doubt about what was done.
     */
    private static final String ESTIMATE_OR_HEDGE = "(?:maybe|probably|perhaps|possibly)(?!\\s+(?:about\\s+|around\\s+|like\\s+"
            + "|~\\s*)?\\d)";
    private static final WordPattern HEDGE = WordPattern.compile("\\b(i think|i guess|" + ESTIMATE_OR_HEDGE + "|kind of|sort of"
            + "|i'm not sure|not sure|i suppose|i believe|might be|somewhat|hopefully|some kind of|some sort of"
            // "it depends" with nothing it depends on is a way of not answering
            + "|depends on the (?:use case|situation|context|requirements|business(?: needs| logic)?)"
            + "|depends on (?:your|the) needs)\\b");
    private static final WordPattern FILLER = WordPattern.compile("\\b(um+|uh+|erm|basically|actually|literally|you know|i mean|like,|stuff|things like that"
            + "|and so on|etc|whatever)\\b");
    private static final WordPattern ABSOLUTE = WordPattern.compile("\\b(always|never|guarantee[sd]?|impossible|automatically"
            + "|all you need|no need|not a concern|nothing (?:breaks|can)|can't (?:lose|fail|happen)|cannot (?:lose|fail|happen)"
            + "|under any circumstances|(?:completely|totally|fully|perfectly) (?:safe|fine|compatible)|costs? (?:almost )?nothing"
            // "every time someone opens a change" says when a thing happens, not that it never fails
            + "|for free|no downside|100%|simply|just works|every time(?!\\s+(?:someone|somebody|anyone|we|you|they|i|he|she"
            + "|a|an|the|it|there|this|that|our|your|their|my))|is fine|are fine|exactly-once)\\b");
    /**
     * "Never" or "always" as advice rather than as a claim about how things behave: an imperative at the start of a
     * sentence or clause, or "never" setting one thing against another ("from the main store, never a saved copy").
     */
    private static final Pattern ADVICE = Pattern.compile(
            // each way starts on one of these characters: elsewhere nothing more is tried
            "(?=[.!?;:(sna])(?:(?:^|[.!?;:(]\\s*|\\bso\\s+)(never|always)\\b(?!\\s+(?:be|been|is|are))"
            + "|\\b(never)\\s+(?=(?:the|a|an|in|on|at|to|from|into|inside|by|as|our|your|their|its|plain|raw)\\b))");
    private static final Set<String> COMMON = Set.of("the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "for", "with", "is",
            "are", "was", "were", "it", "that", "this", "i", "we", "you", "they", "be", "as", "at", "by", "so", "if", "then", "from",
            "my", "our", "me", "us", "not", "no", "do", "did", "have", "has", "had", "can", "will", "would", "which", "what",
            "when", "there", "their", "them", "its", "it's", "i'd", "i'm", "we'd", "also", "just", "one", "all", "more", "than",
            "into", "out", "up", "about", "each", "every", "some", "any", "how", "who", "because", "could", "should", "been");

    public Result assess(AnalyzedText answer, Set<String> questionWords) {
        return assess(answer, questionWords, false);
    }

    /** As above; with {@code narrow}, for a question of one or two points, a shorter answer is long enough. */
    public Result assess(AnalyzedText answer, Set<String> questionWords, boolean narrow) {
        int words = answer.wordCount();
        Length length = words < (narrow ? SHORT_WORDS_NARROW : SHORT_WORDS) ? Length.TOO_SHORT : words > LONG_WORDS ? Length.RAMBLING : Length.GOOD;
        String text = answer.spaced();
        List<String> hedges = findAll(HEDGE, text);
        List<String> fillers = findAll(FILLER, text);
        List<String> absolutes = new ArrayList<>(findAll(ABSOLUTE, text));
        // advice is not a claim: "so never wipe everything", "Always hash passwords", "the plan, never the password"
        Matcher advice = ADVICE.matcher(answer.text().toLowerCase(Locale.ROOT));
        while (advice.find()) {
            absolutes.remove(advice.group(1) != null ? advice.group(1) : advice.group(2));
        }
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
        return new Result(words, length, hedges, fillers, absolutes, overused);
    }

    private static List<String> findAll(WordPattern pattern, String text) {
        List<String> found = new ArrayList<>();
        for (var m : pattern.allIn(text)) {
            found.add(m.group(1));
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }
}
