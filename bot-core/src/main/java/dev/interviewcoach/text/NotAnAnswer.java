package dev.interviewcoach.text;

import java.util.regex.Pattern;

/**
 * Short lines typed where an answer is expected that are not answers: saying one does not know ("sorry, no clue what
 * this one is about"), as opposed to admitting a doubt and then trying ("not sure, but I think the GIL..."), asking
 * for a hint or what the question means ("can you give me a hint for this one?"), and not having caught it ("what?").
 */
public final class NotAnAnswer {

    /** The longest line read as a pass: past this, something is being said. */
    static final int MOST_WORDS = 10;
    private static final Pattern SAYS_SO = Pattern.compile("\\b(i don't know|i dont know|don't know|dont know|dunno|idk"
            + "|no idea|no clue|not sure|never heard of|can't answer|cant answer|have nothing)\\b");
    /** Words of someone going on to try: "not sure, but I think...". */
    private static final Pattern TRIES = Pattern.compile("\\b(but|think|guess|maybe|probably|because|would|could|might"
            + "|use|using)\\b");

    /**
     * Asking for a hint in a sentence or asking what the question means. "Type hints" in a Python answer is neither.
     */
    private static final Pattern ASKS_FOR_HELP = Pattern.compile(
            "\\b(can|could|may) (you|i)\\b.*\\bhint\\b|\\b(give|get|need|want|like|have) (me )?(a|an|some|another|one more|any)"
            + " (small |little |quick )?hints?\\b|^(any|a|some|another) hints?\\b|\\bhint please\\b"
            + "|^(what does (the|this) question mean|i don't (understand|get) (the|this) question|what do you mean"
            + "|(can|could) you (explain|rephrase|clarify) (the|this) question|what is (the|this) question asking)");
    /** The longest line read as asking for help. */
    static final int MOST_HELP_WORDS = 12;

    /** What people type when they did not catch the question: "what?", "huh", "sorry, come again?". */
    private static final Pattern ASKS_AGAIN = Pattern.compile("^(?:(?:sorry|wait|um+|uh+|ok|okay) )*(?:what|huh|eh"
            + "|pardon|sorry|come again|say (?:that|it) again|what was (?:the|that) question|what's the question"
            + "|whats the question|what is the question|what was that|what was the question again"
            + "|(?:can|could) you (?:say|ask) (?:that|it) again)(?: please)?$");

    /** The words of a thanks or an acknowledgement, in any order: "ok got it", "thanks that helps a lot". */
    private static final java.util.Set<String> COURTESY_WORDS = java.util.Set.of("ok", "okay", "k", "kk", "got", "it",
            "thanks", "thank", "you", "thx", "ty", "cheers", "cool", "great", "nice", "awesome", "perfect", "makes",
            "sense", "that", "understood", "i", "see", "noted", "sure", "alright", "yes", "yeah", "yep", "sounds", "good",
            "will", "do", "helps", "helpful", "a", "lot", "so", "much", "very", "fair", "enough", "right", "all", "bye",
            "later");

    private NotAnAnswer() {
    }

    /** Whether the line is only thanks or an acknowledgement ("ok got it", "thanks, that helps a lot"). */
    public static boolean onlyCourtesy(String text) {
        String plain = TextAnalyzer.plainWords(text);
        return !plain.isBlank() && java.util.Arrays.stream(TextAnalyzer.splitAtSpaces(plain)).allMatch(COURTESY_WORDS::contains);
    }

    /** Whether the line asks for a hint, or what the question means. */
    public static boolean asksForHint(String text) {
        String plain = TextAnalyzer.plainWords(text);
        return !plain.isEmpty() && plain.split(" ").length <= MOST_HELP_WORDS && ASKS_FOR_HELP.matcher(plain).find();
    }

    /**
     * Whether the whole line asks for the question again: a bare "what?" or "huh" is someone who did not catch
     * it, never an answer, and scoring it 1 would only puzzle them.
     */
    public static boolean asksAgain(String text) {
        String stripped = text.strip();
        if (!stripped.isEmpty() && stripped.chars().allMatch(c -> c == '?' || c == '!' || c == '.' || Character.isWhitespace(c))
                && stripped.indexOf('?') >= 0) {
            return true;
        }
        return ASKS_AGAIN.matcher(TextAnalyzer.plainWords(text)).matches();
    }

    /** Whether the whole line says the person does not know, and tries nothing. */
    public static boolean saysDontKnow(String text) {
        String plain = TextAnalyzer.plainWords(text);
        return !plain.isEmpty() && plain.split(" ").length <= MOST_WORDS && SAYS_SO.matcher(plain).find()
                && !TRIES.matcher(plain).find();
    }
}
