package dev.interviewcoach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.Function;

/** Random strings over a small alphabet: for comparing a hand-written reading of text with the pattern it replaces. */
public final class RandomText {

    private RandomText() {
    }

    /** A string of {@code from} to {@code below - 1} characters, each drawn from {@code alphabet}. */
    public static String of(Random random, String alphabet, int from, int below) {
        StringBuilder text = new StringBuilder();
        for (int i = from + random.nextInt(below - from); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * Checks that {@code candidate} reads {@code times} random strings ({@link #of}, drawn with {@code random}) as
     * {@code reference} does; a failure names the string.
     */
    public static <T> void readAlike(Random random, String alphabet, int from, int below, int times,
                                     Function<String, T> reference, Function<String, T> candidate) {
        for (int n = 0; n < times; n++) {
            String text = of(random, alphabet, from, below);
            assertEquals(reference.apply(text), candidate.apply(text), text);
        }
    }
}
