package dev.interviewcoach.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;

/**
 * How concrete an answer is: numbers, named tools and technologies, and a real case ("in one
 * project...") rather than generalities. Tools come from a glossary per track
 * ({@code feedback/glossary/TRACK.txt}) plus a common one; a track without its own glossary
 * (a custom bank) uses them all.
 */
public final class Specificity {

    /** What made an answer concrete. */
    public record Result(int numbers, List<String> namedTools, boolean realCase) {
        public Result {
            namedTools = List.copyOf(namedTools);
        }

        /** 0 (only generalities) to 1 (numbers, tools and a real case). */
        public double level() {
            double level = 0;
            level += Math.min(numbers, 2) * 0.2;
            level += Math.min(namedTools.size(), 3) * 0.1;
            level += realCase ? 0.3 : 0;
            return Math.min(1, level);
        }
    }

    /** A number in digits, with its unit if any ("40", "1.5s", "200 ms", "3x"), not part of a word. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}])\\d+(?:[.,]\\d+)?(?:\\s?(?:%|ms|s|k|m|gb|mb|tb|x))?(?![\\p{L}])");
    /** A number in words; never overlaps a number in digits, so the two are counted apart. */
    private static final WordPattern NUMBER_WORD = WordPattern.compile("\\b(two|three|four|five|six|seven|eight|nine|ten|twenty"
            + "|thirty|fifty|hundred|thousand|million|billion|half|double|doubled|halved|dozen)\\b");
    private static final WordPattern REAL_CASE = WordPattern.compile("\\b(in (one|a|my|our) (project|service|team|job|previous|last|current|role|company|startup)"
            + "|at my (last|previous|current|old|first) (job|company|role|team|employer)|last (year|month|week|quarter)|we had|i once|we once"
            + "|in production|on my team|at work|in my (last|previous|current) (role|job|team|company)|a few (months|years|weeks) ago|recently"
            + "|(my|our) (first|last|previous|current|biggest) (big )?(project|release|launch|job|role|team|sprint|client)"
            + "|when i was (a|an|the) |as (a|an|the) (new )?(lead|tech lead|team lead|manager|junior|senior|intern|new hire))\\b");

    private static final Pattern CODE_SEPARATORS = Pattern.compile("[.()\\[\\]]+");

    static final List<String> TRACK_GLOSSARIES = List.of("python-developer", "java-backend", "behavioral",
            "system-design", "sql-and-data");

    /** Glossary terms by track, as word sequences; a term is found where the answer's words spell it. */
    private final Map<String, Set<String>> byTrack = new HashMap<>();
    private final Set<String> everything = new LinkedHashSet<>();
    private final int longestTerm;
    /** Every glossary term's beginnings that end before one of its spaces: where a longer term may still follow. */
    private final Set<String> termStarts = new HashSet<>();
    /** Each glossary term's pattern as typed, made the first time an answer names the term. */
    private final Map<String, Pattern> asTyped = new ConcurrentHashMap<>();

    public Specificity() {
        Set<String> common = loadGlossary("common");
        everything.addAll(common);
        for (String track : TRACK_GLOSSARIES) {
            Set<String> terms = new LinkedHashSet<>(common);
            terms.addAll(loadGlossary(track));
            byTrack.put(track, terms);
            everything.addAll(terms);
        }
        this.longestTerm = everything.stream().mapToInt(t -> t.split(" ").length).max().orElse(1);
        for (String term : everything) {
            for (int space = term.indexOf(' '); space >= 0; space = term.indexOf(' ', space + 1)) {
                termStarts.add(term.substring(0, space));
            }
        }
    }

    public Result assess(AnalyzedText answer, String track) {
        Set<String> glossary = byTrack.getOrDefault(track, everything);
        String text = answer.spaced();
        int numbers = numbersInDigits(text) + NUMBER_WORD.allIn(text).size();
        Set<String> tools = new LinkedHashSet<>();
        List<String> words = codeSplit(answer.words());
        for (int i = 0; i < words.size(); i++) {
            StringBuilder term = new StringBuilder();
            for (int n = 0; n < longestTerm && i + n < words.size(); n++) {
                if (n > 0) {
                    term.append(' ');
                }
                term.append(trimPunctuation(words.get(i + n)));
                String spelt = term.toString();
                if (glossary.contains(spelt)) {
                    tools.add(spelt);
                }
                if (!termStarts.contains(spelt)) {
                    break; // no term goes on from these words
                }
            }
        }
        return new Result(numbers, tools.stream().map(t -> asTyped(answer.text(), t)).toList(),
                REAL_CASE.foundIn(text));
    }

    /**
     * How many numbers in digits the text holds, as {@code NUMBER}'s matches one after another: tried only where a
     * digit is, since a match starts with one (the pattern as a whole tried its look-behind at every character).
     */
    private static int numbersInDigits(String text) {
        int count = 0;
        Matcher m = NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int p = 0; p < text.length(); ) {
            char c = text.charAt(p);
            if (c >= '0' && c <= '9' && m.region(p, text.length()).lookingAt()) {
                count++;
                p = m.end();
            } else {
                p++;
            }
        }
        return count;
    }

    /**
     * The term as the candidate spelt it ("JVM", "PostgreSQL"), since the feedback names it back to them; the
     * glossary's lower case when the answer's spelling cannot be found word for word.
     */
    private String asTyped(String answer, String term) {
        // compiled once per glossary term: compiling it for every answer cost more than finding it
        Matcher typed = asTyped.computeIfAbsent(term, t -> Pattern.compile("(?<![\\p{L}\\p{N}])"
                + Pattern.quote(t).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).matcher(answer);
        return typed.find() ? typed.group() : term;
    }

    /**
     * The words with code split at its dots and brackets, so "asyncio.gather(...)" and "ex.submit(task)" name asyncio
     * and submit as a tool would be named in prose.
     */
    private static List<String> codeSplit(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            String trimmed = trimPunctuation(word);
            if (trimmed.indexOf('.') > 0 || trimmed.indexOf('(') > 0) {
                for (String piece : CODE_SEPARATORS.split(trimmed)) {
                    if (!piece.isEmpty()) {
                        out.add(piece);
                    }
                }
            } else {
                out.add(word);
            }
        }
        return out;
    }

    private static String trimPunctuation(String word) {
        int end = word.length();
        while (end > 0 && ".,;:".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }

    private static Set<String> loadGlossary(String name) {
        try (InputStream in = Specificity.class.getResourceAsStream("glossary/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("feedback/glossary/" + name + ".txt missing from the build");
            }
            Set<String> terms = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(terms::add);
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
