package dev.interviewcoach.question;

import dev.interviewcoach.text.EditDistance;
import java.util.List;
import java.util.Locale;

/** A track's topics, and which of them a topic as someone typed it means ("index", "indexing", "cachng"). */
public final class TopicNames {

    private TopicNames() {
    }

    /** Every topic of the track's questions, sorted. */
    public static List<String> of(Bank bank) {
        return bank.questions().stream().flatMap(q -> q.topics().stream()).distinct().sorted().toList();
    }

    /**
     * The topics a typed one may mean: itself when the track has it; else those a letter or two away, those it is
     * the start of, and those that are the same word with another ending ("indexing" for indexes).
     */
    public static List<String> near(Bank bank, String typed) {
        List<String> topics = of(bank);
        if (topics.contains(typed)) {
            return List.of(typed);
        }
        String root = root(typed);
        return topics.stream().filter(t -> typed.length() >= 4 && (t.startsWith(typed)
                || EditDistance.withSwaps(t, typed) <= (typed.length() <= 5 ? 1 : 2)
                || (root.length() >= 4 && root.equals(root(t))))).toList();
    }

    /** The one topic a typed one means, or the typed one itself when none or several are near. */
    public static String meant(Bank bank, String typed) {
        List<String> near = near(bank, typed);
        return near.size() == 1 ? near.getFirst() : typed;
    }

    /** "a or b", "a, b or c". */
    public static String either(List<String> topics) {
        return topics.size() == 1 ? topics.getFirst()
                : String.join(", ", topics.subList(0, topics.size() - 1)) + " or " + topics.getLast();
    }

    /** The word without a common ending: indexing, indexes -> index; caching, cache -> cach. */
    private static String root(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String ending : List.of("ing", "es", "ed", "s", "e")) {
            if (w.endsWith(ending) && w.length() - ending.length() >= 4) {
                return w.substring(0, w.length() - ending.length());
            }
        }
        return w;
    }
}
