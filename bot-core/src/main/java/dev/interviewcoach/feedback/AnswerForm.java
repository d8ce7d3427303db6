package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the form of an answer gives away before its content is read: a list of keywords instead of
 * sentences, sentences or long phrases said more than once, and the question copied back. Form can
 * only cost an answer points; it never buys any.
 */
public final class AnswerForm {

    /**
     * What was found, and the answer with each repeated sentence kept once ({@code distinctText}),
     * which is what the rest of the feedback reads ({@code analysed}: that text analysed); {@code otherLanguage} and
     * {@code codeOnly} when it is not English prose at all.
     */
    public record Result(boolean keywordList, List<String> repeated, double repeatedShare, boolean copiesQuestion,
                         String distinctText, boolean otherLanguage, boolean codeOnly, List<String> namedOnly,
                         AnalyzedText analysed) {
        public Result {
            repeated = List.copyOf(repeated);
            namedOnly = List.copyOf(namedOnly);
        }

        /** The same reading, taken for a keyword list (one found only against the question's own phrases). */
        public Result asKeywordList() {
            return new Result(true, repeated, repeatedShare, copiesQuestion, distinctText, otherLanguage, codeOnly,
                    namedOnly, analysed);
        }

        /**
         * Whether most of the answer only says topics were talked about ("People often bring up jitter in design
         * reviews"), sentences left out of what is judged.
         */
        public boolean mostlyNamesTopics() {
            return !namedOnly.isEmpty() && namedOnly.size() >= TextAnalyzer.wordCount(distinctText) / 10 + 1;
        }

        /** Whether repetition is most of the answer, not a phrase said twice for emphasis. */
        public boolean mostlyRepeated() {
            return repeatedShare >= MOSTLY_REPEATED;
        }
    }

    /** The share of an answer's phrases that, repeated, make it mostly repetition. */
    static final double MOSTLY_REPEATED = 0.4;

    /** Words that hold sentences together; prose has many, a keyword list almost none. */
    private static final Set<String> GLUE = Set.of("the", "a", "an", "is", "are", "was", "were", "be", "been", "it", "its",
            "that", "this", "these", "those", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "so", "if",
            "then", "than", "but", "because", "when", "which", "who", "what", "how", "i", "we", "you", "they", "he", "she",
            "my", "our", "your", "their", "me", "us", "them", "do", "does", "did", "have", "has", "had", "can", "could",
            "will", "would", "should", "not", "no", "there", "here", "into", "about", "after", "before", "while", "i'd",
            "i'm", "i've", "we'd", "we're", "it's", "don't", "doesn't", "isn't", "and", "or", "also", "just", "only",
            "all", "each", "every", "some", "any", "more", "most", "very", "too", "out", "up", "over", "until", "since");
    /**
     * Words that hold sentences together in Spanish, French, German, Portuguese and Italian and are not English
     * words: an answer made of them is in another language, not a list of keywords.
     */
    private static final Set<String> OTHER_GLUE = Set.of("el", "los", "las", "que", "del", "y", "por", "para", "una",
            "uno", "es", "son", "se", "como", "pero", "más", "muy", "les", "des", "du", "et", "est", "une", "sont", "pour",
            "avec", "dans", "qui", "nous", "je", "der", "das", "und", "ist", "nicht", "mit", "ein", "eine", "zu", "von",
            "auf", "für", "ich", "wir", "não", "em", "um", "uma", "são", "com", "che", "di", "della", "sono", "il", "è",
            "la", "de", "en", "con", "al", "lo", "también", "cuando", "donde", "porque", "parce", "mais", "ou");
    /** Words needed before the language of an answer is judged. */
    private static final int LANGUAGE_MIN_WORDS = 6;
    /** Words of prose outside code below which an answer is code alone. */
    private static final int PROSE_WITH_CODE = 8;
    /** A line that reads as code: a keyword of a common language at its start, or ending in a brace or semicolon. */
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(?:(?:import|from|def|class|return|public|private|static|final|var|val|let|const|func|fn|if|for|while|try"
            + "|catch|except|with|async|await|select|insert|update|delete|create)\\b.*[:;{(=)]\\s*$|.*[{};]\\s*$|[}\\])]+\\s*$"
            + "|\\s*(?:@\\w+|#include|//|--).*)", Pattern.CASE_INSENSITIVE);
    /** Length of the phrases compared for repetition. */
    private static final int SHINGLE = 6;

    // Compiled once: String.split and matches with these would compile them for every answer.
    private static final Pattern ENDS_A_SENTENCE = Pattern.compile("(?s).*[.!?]$");
    private static final Pattern FENCED = Pattern.compile("(?s)```.*?(```|$)");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern JOIN = Pattern.compile("[,;]+|\\b(?:and|or)\\b");

    /** The stems of each question's text, worked out on its first answer: the question does not change between answers. */
    private final Map<String, Set<String>> questionStems = new ConcurrentHashMap<>();

    public Result read(String answer, String question, TextAnalyzer analyzer) {
        // Only the sentences are needed here; the whole analysis is made once, of the distinct text.
        List<String> sentences = AnalyzedText.sentences(answer);
        Set<String> seen = new HashSet<>();
        List<String> kept = new ArrayList<>();
        Set<String> repeated = new LinkedHashSet<>();
        List<String> named = new ArrayList<>();
        List<List<String>> keptWords = new ArrayList<>();
        for (String sentence : sentences) {
            List<String> sentenceWords = words(sentence);
            String key = String.join(" ", sentenceWords);
            if (key.isEmpty()) {
                continue;
            }
            if (seen.add(key)) {
                // a sentence that only says a topic was talked about carries nothing to judge, and would pass for
                // length, detail and relevance in a ramble that drops each keyword so
                if (TalkingPointMatcher.onlyNamesATopic(sentence)) {
                    named.add(sentence);
                } else {
                    kept.add(sentence);
                    keptWords.add(sentenceWords);
                }
            } else {
                repeated.add(sentence);
            }
        }
        String distinct = String.join(" ", kept);
        List<String> words = words(distinct);
        double share = repeatedPhrases(words, repeated);
        int removed = sentences.size() - kept.size() - named.size();
        double repeatedShare = sentences.isEmpty() ? 0
                : Math.max(share, (double) removed / Math.max(1, sentences.size()));
        long fullSentences = kept.stream().filter(k -> TextAnalyzer.wordCount(k) >= 6 && ENDS_A_SENTENCE.matcher(k.strip()).matches()).count();
        boolean otherLanguage = otherLanguage(distinct, words);
        boolean codeOnly = !otherLanguage && codeOnly(answer);
        // what the rest reads has a blank line between the kept sentences, so list items typed without a full stop
        // stay apart when quoted ("...on both sides Left join: every..." read as one sentence)
        boolean keywordList = keywordList(distinct, words, fullSentences, kept, keptWords) || bulletList(answer);
        // the distinct text analysed once: what the rest of the feedback reads, and its stems for copiesQuestion
        String distinctText = String.join("\n\n", kept);
        AnalyzedText analysed = AnalyzedText.of(distinctText, analyzer);
        return new Result(!otherLanguage && !codeOnly && keywordList, List.copyOf(repeated),
                repeatedShare, copiesQuestion(analysed.stems(), question, analyzer), distinctText, otherLanguage,
                codeOnly, named, analysed);
    }

    /**
     * Written in another language than English: mostly letters of another script, or the words that hold sentences
     * together are another language's, hardly any English ones.
     */
    static boolean otherLanguage(String text, List<String> words) {
        long letters = 0;
        long latin = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 128) {
                // ASCII letters are Latin: no look-up of the script for nearly every character of an answer
                int lower = c | 0x20;
                if (lower >= 'a' && lower <= 'z') {
                    letters++;
                    latin++;
                }
            } else if (Character.isLetter(c)) {
                letters++;
                latin += Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 1 : 0;
            }
        }
        if (letters >= 20 && latin < letters / 2) {
            return true;
        }
        if (words.size() < LANGUAGE_MIN_WORDS) {
            return false;
        }
        long english = words.stream().filter(GLUE::contains).count();
        long other = words.stream().filter(OTHER_GLUE::contains).count();
        return other >= 0.15 * words.size() && other > 2 * english;
    }

    /**
     * Code with at most a few words of prose: a fenced block with little around it, or lines that read as code.
     */
    static boolean codeOnly(String text) {
        String prose = text;
        boolean fenced = text.contains("```");
        if (fenced) {
            prose = FENCED.matcher(text).replaceAll(" ");
        } else {
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            long code = lines.stream().filter(l -> CODE_LINE.matcher(l).matches()).count();
            if (lines.size() < 2 || code < 0.6 * lines.size()) {
                return false;
            }
            prose = String.join(" ", lines.stream().filter(l -> !CODE_LINE.matcher(l).matches()).toList());
        }
        return TextAnalyzer.wordCount(prose.replace('`', ' ')) < PROSE_WITH_CODE;
    }

    /**
     * No sentences: hardly any of the words that hold sentences together (unless it still has
     * several full sentences, as terse chat answers do), or a list of short items.
     */
    static boolean keywordList(String text, List<String> words, long fullSentences, List<String> sentences,
                               List<List<String>> sentenceWords) {
        if (words.size() < 4) {
            return false;
        }
        long glue = words.stream().filter(GLUE::contains).count();
        double glueShare = (double) glue / words.size();
        List<String> items = listItems(text);
        int shortItems = 0;
        int inShortItems = 0;
        int shortInside = 0;
        for (int i = 0; i < items.size(); i++) {
            int n = TextAnalyzer.wordCount(items.get(i));
            if (n > 0 && n <= 4) {
                shortItems++;
                inShortItems += n;
                if (i > 0 && i < items.size() - 1) {
                    shortInside++;
                }
            }
        }
        boolean listShaped = items.size() >= 5 && shortItems >= 0.7 * items.size();
        // half the words or more in the list's items: a list with a sentence around it ("It depends on many factors, such
        // as ..."), where prose with a list in it has its words in the sentences
        boolean mostlyItems = inShortItems >= 0.5 * words.size();
        // ten items or more, nearly all short once the first and the last are set aside (the sentence framing a list
        // rides on them: "I know a lot about X, ..., and Z, and I have used all of them for years"): a long list
        boolean longList = items.size() >= 10 && shortInside >= 0.8 * (items.size() - 2);
        return (glueShare < 0.12 && fullSentences < 2)
                || (listShaped && (glueShare < 0.25 || fullSentences == 0 || mostlyItems || longList))
                || joinedList(sentences, sentenceWords, words.size()) || framedList(sentenceWords);
    }

    /**
     * The pieces of a text between list breaks (runs of {@code , ; \n •}, or a {@code -} or {@code *} with
     * white space on both sides), as splitting it at {@code [,;\n•]+|\s[-*]\s} gives them (trailing empty
     * pieces dropped); a loop, as it reads every character of every answer.
     */
    static List<String> listItems(String text) {
        List<String> items = new ArrayList<>();
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && itemBreak(text.charAt(end))) {
                end++;
            }
            if (end == i && i + 2 < text.length() && regexSpace(text.charAt(i))
                    && (text.charAt(i + 1) == '-' || text.charAt(i + 1) == '*') && regexSpace(text.charAt(i + 2))) {
                end = i + 3;
            }
            if (end > i) {
                items.add(text.substring(from, i));
                from = end;
                i = end;
            } else {
                i++;
            }
        }
        items.add(text.substring(from));
        int last = items.size();
        while (last > 1 && items.get(last - 1).isEmpty()) {
            last--;
        }
        if (last == 1 && items.getFirst().isEmpty() && !text.isEmpty()) {
            return List.of(); // nothing but breaks: splitting gives no pieces at all
        }
        return items.subList(0, last);
    }

    private static boolean itemBreak(char c) {
        return c == ',' || c == ';' || c == '\n' || c == '\u2022';
    }

    /** What {@code \s} matches without flags. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.)])\\s+(.*)$");

    /** Five bullet lines or more, nearly all of a word to four: terms set out as a list. */
    private static boolean bulletList(String answer) {
        int bullets = 0;
        int shortBullets = 0;
        for (String line : LINE_BREAK.split(answer)) {
            Matcher m = BULLET.matcher(line);
            if (m.matches()) {
                bullets++;
                shortBullets += TextAnalyzer.wordCount(m.group(1)) <= 4 ? 1 : 0;
            }
        }
        return bullets >= 5 && shortBullets >= 0.8 * bullets;
    }

    /**
     * A list strung together with "and" inside one sentence's frame ("The key concepts are the GIL and threads and
     * multiprocessing and asyncio and..."): six joins or more, nearly every piece a word to four, and that sentence
     * most of the answer. People speaking in long sentences join clauses, not single terms.
     */
    private static boolean joinedList(List<String> sentences, List<List<String>> sentenceWords, int answerWords) {
        for (int s = 0; s < sentences.size(); s++) {
            long joins = sentenceWords.get(s).stream().filter(w -> w.equals("and") || w.equals("or")).count();
            if (joins < 6) {
                continue;
            }
            String sentence = sentences.get(s);
            String[] pieces = JOIN.split(sentence);
            int counted = 0;
            int shortPieces = 0;
            for (String piece : pieces) {
                int n = TextAnalyzer.wordCount(piece);
                if (n > 0) {
                    counted++;
                    shortPieces += n <= 4 ? 1 : 0;
                }
            }
            if (shortPieces >= 0.8 * counted && sentenceWords.get(s).size() >= 0.5 * answerWords) {
                return true;
            }
        }
        return false;
    }

    /**
     * Terms dressed as sentences by one frame ("Python has a GIL. Python has threads.", "Also, the GIL is very
     * important to consider here. Also, asyncio is very important to consider here."): four sentences or more, most
     * of them the same words around a part of one to four words that alone changes (up to three when the frame is
     * two words).
     */
    private static boolean framedList(List<List<String>> sentenceWords) {
        List<List<String>> sentences = sentenceWords.stream().filter(w -> !w.isEmpty()).toList();
        if (sentences.size() < 4) {
            return false;
        }
        Map<String, Set<Integer>> frames = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (int j = i + 1; j < sentences.size(); j++) {
                List<String> a = sentences.get(i);
                List<String> b = sentences.get(j);
                int shorter = Math.min(a.size(), b.size());
                int prefix = 0;
                while (prefix < shorter && a.get(prefix).equals(b.get(prefix))) {
                    prefix++;
                }
                int suffix = 0;
                while (suffix < shorter - prefix && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
                    suffix++;
                }
                int middle = Math.max(a.size(), b.size()) - prefix - suffix;
                boolean framed = prefix + suffix >= 3 ? middle <= 4 : prefix + suffix == 2 && middle <= 3;
                if (framed) {
                    String key = String.join(" ", a.subList(0, prefix)) + " | " + String.join(" ", a.subList(a.size() - suffix,
                            a.size()));
                    Set<Integer> members = frames.computeIfAbsent(key, k -> new HashSet<>());
                    members.add(i);
                    members.add(j);
                }
            }
        }
        return frames.values().stream().anyMatch(m -> m.size() >= 4 && m.size() >= 0.6 * sentences.size());
    }

    /** Share of the answer's 6-word phrases that already appeared earlier; the longest repeat is named. */
    static double repeatedPhrases(List<String> words, Set<String> named) {
        if (words.size() < SHINGLE * 2) {
            return 0;
        }
        // Each distinct word as a number, and each phrase as its six numbers in one long: phrases are compared
        // without joining each into a string (this runs on every answer). Past 1,024 distinct words the numbers
        // no longer fit, and phrases are joined as before.
        Map<String, Integer> ids = new HashMap<>();
        long[] id = new long[words.size()];
        for (int i = 0; i < words.size(); i++) {
            Integer known = ids.putIfAbsent(words.get(i), ids.size());
            id[i] = known == null ? ids.size() - 1 : known;
        }
        if (ids.size() > 1 << WORD_ID_BITS) {
            return repeatedPhrasesJoined(words, named);
        }
        int phrases = words.size() - SHINGLE + 1;
        PhraseTable first = new PhraseTable(phrases);
        int repeats = 0;
        int example = -1;
        long key = 0;
        for (int i = 0; i < words.size(); i++) {
            key = (key << WORD_ID_BITS | id[i]) & PHRASE_MASK;
            int start = i - SHINGLE + 1;
            if (start < 0) {
                continue;
            }
            int at = first.putIfAbsent(key, start);
            if (at >= 0 && at + SHINGLE <= start) {
                repeats++;
                if (example < 0) {
                    example = start;
                }
            }
        }
        double share = (double) repeats / phrases;
        if (example >= 0 && share >= 0.1) {
            named.add(String.join(" ", words.subList(example, example + SHINGLE)));
        }
        return share;
    }

    private static final int WORD_ID_BITS = 10;
    private static final long PHRASE_MASK = (1L << WORD_ID_BITS * SHINGLE) - 1;

    /** As {@link #repeatedPhrases}, on the phrases as strings: for answers of more distinct words than fit a long. */
    static double repeatedPhrasesJoined(List<String> words, Set<String> named) {
        if (words.size() < SHINGLE * 2) {
            return 0;
        }
        Map<String, Integer> first = new HashMap<>();
        int repeats = 0;
        int total = 0;
        String example = null;
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            String shingle = String.join(" ", words.subList(i, i + SHINGLE));
            total++;
            Integer at = first.putIfAbsent(shingle, i);
            if (at != null && at + SHINGLE <= i) {
                repeats++;
                if (example == null) {
                    example = shingle;
                }
            }
        }
        double share = total == 0 ? 0 : (double) repeats / total;
        if (example != null && share >= 0.1) {
            named.add(example);
        }
        return share;
    }

    /** Where each phrase (six word numbers in a long) first stood: open addressing, no boxing. */
    private static final class PhraseTable {
        private final long[] keys;
        private final int[] firstAt;
        private final boolean[] used;

        PhraseTable(int phrases) {
            int size = Integer.highestOneBit(Math.max(phrases, 2) * 2 - 1) << 1;
            keys = new long[size];
            firstAt = new int[size];
            used = new boolean[size];
        }

        /** Where the phrase first stood, or -1 if this is its first time (then {@code at} is kept). */
        int putIfAbsent(long key, int at) {
            int mask = keys.length - 1;
            int slot = (int) (key ^ key >>> 29 ^ key >>> 47) * 0x9E3779B9 & mask;
            while (used[slot]) {
                if (keys[slot] == key) {
                    return firstAt[slot];
                }
                slot = slot + 1 & mask;
            }
            used[slot] = true;
            keys[slot] = key;
            firstAt[slot] = at;
            return -1;
        }
    }

    /** Most of the answer's content words are the question's own, and it says little else. */
    private boolean copiesQuestion(List<String> answerStems, String question, TextAnalyzer analyzer) {
        Set<String> questionStems = this.questionStems.computeIfAbsent(question, q -> Set.copyOf(analyzer.stems(q)));
        if (answerStems.isEmpty() || questionStems.isEmpty()) {
            return false;
        }
        long inQuestion = answerStems.stream().filter(questionStems::contains).count();
        return inQuestion >= 0.8 * answerStems.size() && answerStems.size() <= 1.5 * questionStems.size() + 3;
    }

    /**
     * The lower-cased runs of letters, digits and {@code '+#} in a text, as splitting it at
     * {@code [^\p{L}\p{N}'+#]+} gives them; a loop, as it reads every character of every answer.
     */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < lower.length()) {
            int c = lower.codePointAt(i);
            boolean inWord = c == '\'' || c == '+' || c == '#' || AnalyzedText.letterOrDigit(c);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            out.add(lower.substring(start));
        }
        return out;
    }

}
