package dev.interviewcoach.text;

import java.util.regex.Pattern;

/**
 * A short line that says the person does not know ("sorry, no clue what this one is about"), as opposed to an answer
 * that admits a doubt and then tries ("not sure, but I think the GIL..."). Such a line is a pass, not an answer to score.
 */
public final class DontKnow {

    /** The longest line read as a pass: past this, something is being said. */
    static final int MOST_WORDS = 10;
    private static final Pattern SAYS_SO = Pattern.compile("\\b(i don't know|i dont know|don't know|dont know|dunno|idk"
            + "|no idea|no clue|not sure|never heard of|can't answer|cant answer|have nothing)\\b");
    /** Words of someone going on to try: "not sure, but I think...". */
    private static final Pattern TRIES = Pattern.compile("\\b(but|think|guess|maybe|probably|because|would|could|might"
            + "|use|using)\\b");

    private DontKnow() {
    }

    /** Whether the whole line says the person does not know, and tries nothing. */
    public static boolean says(String text) {
        String plain = TextAnalyzer.plainWords(text);
        return !plain.isEmpty() && plain.split(" ").length <= MOST_WORDS && SAYS_SO.matcher(plain).find()
                && !TRIES.matcher(plain).find();
    }
}
