package dev.interviewcoach;

import java.util.Random;

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
}
