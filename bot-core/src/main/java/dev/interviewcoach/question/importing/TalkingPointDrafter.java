package dev.interviewcoach.question.importing;

import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts talking points from an example answer, for a person to review and rewrite: the answer's
 * most informative sentences (specific words, numbers, named things), each shortened into a point,
 * with two to four key phrases from the sentence as the words that show it.
 */
final class TalkingPointDrafter {

    private static final int MIN_POINTS = 3;
    private static final int MAX_POINTS = 5;
    private static final int POINT_WORDS = 15;
    private static final int MIN_PHRASES = 2;
    private static final int MAX_PHRASES = 4;
    private static final int MAX_PHRASE_WORDS = 3;

    // A word, or a number with thousands separators such as 5,000 or 1,250.50.
    private static final Pattern WORD = Pattern.compile(
            "\\p{N}{1,3}(?:,\\p{N}{3})+(?:\\.\\p{N}+)?%?|[\\p{L}\\p{N}][\\p{L}\\p{N}_'\u2019+#%&./-]*");
    private static final Pattern WORD_TAIL = Pattern.compile("(?:['\u2019]s|[.'\u2019/&-])+$");
    private static final Pattern BREAK = Pattern.compile("[^\\s\\p{L}\\p{N}]");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr",
            "prof", "inc", "ltd", "co", "jr", "sr", "st", "no", "approx", "dept", "fig", "a.m", "p.m", "u.s");

    // Words that carry no idea of their own: function words, fillers and everyday verbs.
    private static final Set<String> STOP = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "even", "ever", "every",
            "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
            "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
            "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
            "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
            "such", "than", "that", "the", "their", "theirs", "them", "themselves", "there", "these", "they",
            "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
            "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
            "within", "without", "would", "you", "your", "yours", "yourself", "yourselves", "also", "although",
            "may", "might", "must", "shall", "yet", "since", "though", "via", "per", "among", "across", "around",
            "i'm", "i've", "i'd", "i'll", "it's", "that's", "there's", "what's", "let's", "we're", "we've", "we'd",
            "we'll", "they're", "they've", "you're", "you've", "don't", "didn't", "doesn't", "isn't", "wasn't",
            "aren't", "weren't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't",
            "hadn't", "he's", "she's", "really", "quite", "actually", "basically", "simply", "like", "well", "still",
            "always", "often", "usually", "sometimes", "much", "many", "lot", "lots", "thing", "things", "something",
            "anything", "everything", "someone", "anyone", "everyone", "way", "ways", "kind", "sort", "get", "gets",
            "got", "getting", "make", "makes", "made", "making", "go", "goes", "went", "going", "gone", "know",
            "knew", "known", "think", "thought", "want", "wanted", "need", "needed", "say", "said", "says", "see",
            "saw", "seen", "take", "took", "taken", "come", "came", "use", "used", "using", "put", "let", "try",
            "tried", "able", "sure", "certain", "good", "great", "new", "first", "next", "last", "then",
            "yes", "okay", "ok", "example", "instance", "time", "times", "year", "years", "day", "days", "part",
            "feel", "felt", "believe", "mean", "means", "meant", "keep", "kept", "give", "gave", "given", "look",
            "looked", "two", "three", "bit", "whole", "another", "back", "etc", "e.g", "i.e", "show", "shows",
            "showed", "find", "finds", "found", "work", "works", "worked", "working", "help", "helps", "helped",
            "start", "started", "ask", "asked", "tell", "told", "run", "runs", "ran", "set", "looking",
            "call", "called", "best", "better", "least", "less", "lets", "allow", "allows", "become",
            "became", "based", "instead", "exactly", "include", "includes", "included", "seem", "seems", "happen", "happened", "keeps");

    /** Up to five points, in the order the answer makes them; at least one for any answer with words. */
    List<TalkingPoint> draft(String answer) {
        List<String> sentences = sentences(answer);
        record Scored(int position, String sentence, double score) {}
        List<Scored> scored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if (seen.add(s.toLowerCase(Locale.ROOT))) {
                scored.add(new Scored(i, s, informativeness(s)));
            }
        }
        int wanted = scored.size() <= MIN_POINTS ? scored.size()
                : Math.clamp((scored.size() + 1) / 2 + 1, MIN_POINTS, MAX_POINTS);
        List<Scored> chosen = scored.stream()
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .filter(s -> s.score() > 0)
                .limit(wanted)
                .sorted(Comparator.comparingInt(Scored::position))
                .toList();
        if (chosen.isEmpty() && !scored.isEmpty()) {
            chosen = List.of(scored.getFirst());
        }
        List<TalkingPoint> points = new ArrayList<>();
        Set<String> usedPhrases = new HashSet<>();
        for (Scored s : chosen) {
            List<String> phrases = keyPhrases(s.sentence(), usedPhrases);
            phrases.forEach(p -> usedPhrases.add(p.toLowerCase(Locale.ROOT)));
            points.add(new TalkingPoint("draft-" + (points.size() + 1), "DRAFT: " + shortened(s.sentence()), phrases));
        }
        return points;
    }

    /** Splits text into sentences, not at "e.g." or "3.5", and always at line breaks. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.split("\\n+")) {
            StringBuilder current = new StringBuilder();
            int n = block.length();
            for (int i = 0; i < n; i++) {
                char c = block.charAt(i);
                current.append(c);
                if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
                    continue;
                }
                while (i + 1 < n && "\"'\u201d\u2019)]".indexOf(block.charAt(i + 1)) >= 0) {
                    current.append(block.charAt(++i));
                }
                int next = i + 1;
                while (next < n && Character.isWhitespace(block.charAt(next))) {
                    next++;
                }
                boolean atEnd = next >= n;
                boolean spaced = next > i + 1;
                if (atEnd || (spaced && startsSentence(block.charAt(next)) && !(c == '.' && abbreviation(current)))) {
                    add(out, current);
                    current.setLength(0);
                }
            }
            add(out, current);
        }
        return out;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'\u201c\u2018(".indexOf(c) >= 0;
    }

    private static boolean abbreviation(StringBuilder sentence) {
        String s = sentence.toString().strip().replaceAll("[\"'\u201d\u2019)\\]]+$", "");
        int start = s.lastIndexOf(' ') + 1;
        String word = s.substring(start, s.length() - 1).toLowerCase(Locale.ROOT).replaceAll("^[\"'(\u201c]+", "");
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
    }

    private static void add(List<String> out, StringBuilder sentence) {
        String s = sentence.toString().strip();
        s = s.replaceAll("^[\"'\u201c\u2018]+|[\"'\u201d\u2019]+$", "").strip();
        if (!s.isEmpty() && WORD.matcher(s).find()) {
            out.add(s);
        }
    }

    /** A word of a sentence; {@code breakBefore} when punctuation separates it from the word before. */
    private record Token(String text, boolean sentenceStart, boolean breakBefore) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static List<Token> tokens(String sentence) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        int lastEnd = 0;
        while (m.find()) {
            String gap = sentence.substring(lastEnd, m.start());
            lastEnd = m.end();
            String word = WORD_TAIL.matcher(m.group().replace('\u2019', '\'')).replaceFirst("");
            if (word.isEmpty()) {
                continue;
            }
            // A word ending in ',' or ';' is followed by a break; the gap before the next word shows it.
            tokens.add(new Token(word, tokens.isEmpty(), BREAK.matcher(gap).find()));
        }
        return tokens;
    }

    private static double informativeness(String sentence) {
        List<Token> tokens = tokens(sentence);
        Set<String> counted = new HashSet<>();
        double score = 0;
        for (Token t : tokens) {
            if (counted.add(t.lower())) {
                score += weight(t);
            }
        }
        if (tokens.size() < 5) {
            score *= 0.5;
        } else if (tokens.size() > 40) {
            score *= 0.8;
        }
        return score;
    }

    /** How much a word says: 0 for common words, more for long words, numbers and names. */
    private static double weight(Token t) {
        String lower = t.lower();
        if (STOP.contains(lower) || (lower.length() < 3 && !hasDigit(lower) && !acronym(t.text()))) {
            return 0;
        }
        if (lower.length() > 4 && lower.endsWith("ly")) {
            return 0.3;
        }
        double w = 1;
        if (lower.length() >= 7) {
            w += 0.5;
        }
        if (hasDigit(lower)) {
            w += 2;
        }
        if (acronym(t.text()) || named(t)) {
            w += 1.5;
        }
        if (lower.matches(".*\\p{L}[-.+#]\\p{L}?.*")) {
            w += 0.5;
        }
        return w;
    }

    /**
     * Noun-ish phrases of one to three words: runs of words between common words and punctuation,
     * best first, skipping any phrase another point of the question already uses.
     */
    private static List<String> keyPhrases(String sentence, Set<String> usedElsewhere) {
        List<Token> tokens = tokens(sentence);
        List<List<Token>> runs = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        for (Token t : tokens) {
            if (t.breakBefore() || weight(t) < 0.5) {
                addRun(runs, run);
                run = new ArrayList<>();
            }
            if (weight(t) >= 0.5) {
                run.add(t);
            }
        }
        addRun(runs, run);
        record Phrase(int position, String text, double score) {}
        List<Phrase> phrases = new ArrayList<>();
        for (List<Token> r : runs) {
            double score = r.stream().mapToDouble(TalkingPointDrafter::weight).sum() + (r.size() > 1 ? 0.75 : 0);
            // A lone everyday word ("rollout", "post") matches too many answers; names, numbers and long words do not.
            if (r.size() == 1 && score < 1.5) {
                continue;
            }
            String text = String.join(" ", r.stream().map(TalkingPointDrafter::asWritten).toList());
            phrases.add(new Phrase(tokens.indexOf(r.getFirst()), text, score));
        }
        List<Phrase> best = new ArrayList<>();
        for (Phrase p : phrases.stream().sorted(Comparator.comparingDouble(Phrase::score).reversed()).toList()) {
            String lower = p.text().toLowerCase(Locale.ROOT);
            boolean overlaps = best.stream().map(b -> b.text().toLowerCase(Locale.ROOT))
                    .anyMatch(b -> containsWords(b, lower) || containsWords(lower, b));
            if (best.size() < MAX_PHRASES && !overlaps && !usedElsewhere.contains(lower)) {
                best.add(p);
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        best.stream().sorted(Comparator.comparingInt(Phrase::position)).forEach(p -> chosen.add(p.text()));
        // Short of two phrases, single words the filter above thought too plain are better than none.
        List<Token> singles = tokens.stream().filter(t -> weight(t) > 0)
                .sorted(Comparator.comparingDouble(TalkingPointDrafter::weight).reversed()
                        .thenComparing(Comparator.comparingInt((Token t) -> t.text().length()).reversed()))
                .toList();
        for (Token t : singles) {
            String lower = t.lower();
            if (chosen.size() < MIN_PHRASES && !usedElsewhere.contains(lower)
                    && chosen.stream().noneMatch(c -> containsWords(c.toLowerCase(Locale.ROOT), lower))) {
                chosen.add(asWritten(t));
            }
        }
        if (chosen.isEmpty()) {
            // Every point needs at least one phrase, even from a sentence of common words.
            tokens.stream().max(Comparator.comparingInt(t -> t.text().length())).ifPresent(t -> chosen.add(asWritten(t)));
        }
        return List.copyOf(chosen);
    }

    /** Long runs are cut into pairs (a trailing single joins the last pair) so each phrase stays short. */
    private static void addRun(List<List<Token>> runs, List<Token> run) {
        if (run.size() <= MAX_PHRASE_WORDS) {
            if (!run.isEmpty()) {
                runs.add(run);
            }
            return;
        }
        int i = 0;
        while (i < run.size()) {
            int size = run.size() - i == 3 ? 3 : 2;
            runs.add(run.subList(i, Math.min(run.size(), i + size)));
            i += size;
        }
    }

    /** Keeps the case of names and acronyms; everything else in lower case, as people type it. */
    private static String asWritten(Token t) {
        return acronym(t.text()) || named(t) ? t.text() : t.lower();
    }

    private static String shortened(String sentence) {
        String[] words = sentence.strip().split("\\s+");
        if (words.length <= POINT_WORDS) {
            return sentence.strip();
        }
        int end = POINT_WORDS;
        // Do not end the point on "and" or "the".
        while (end > POINT_WORDS / 2 && STOP.contains(words[end - 1].toLowerCase(Locale.ROOT).replaceAll("\\W+$", ""))) {
            end--;
        }
        String text = String.join(" ", List.of(words).subList(0, end)).replaceAll("[,;:\u2014\u2013-]+$", "");
        return text + "...";
    }

    private static boolean containsWords(String phrase, String part) {
        return (" " + phrase + " ").contains(" " + part + " ");
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    /** SQL, GIL, iOS, PostgreSQL: a capital letter after the first character. */
    private static boolean acronym(String s) {
        return s.length() > 1 && s.substring(1).chars().anyMatch(Character::isUpperCase);
    }

    /** A capitalised word inside a sentence is usually a name: Kafka, Berlin, Salesforce. */
    private static boolean named(Token t) {
        return !t.sentenceStart() && Character.isUpperCase(t.text().charAt(0));
    }
}
