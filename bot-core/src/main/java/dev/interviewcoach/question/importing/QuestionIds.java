package dev.interviewcoach.question.importing;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Hands out question ids for one bank: kebab-case slugs of the question, unique by -2, -3 suffixes. */
final class QuestionIds {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 50;

    private final Set<String> used = new HashSet<>();

    /** Takes {@code id} as it is if it is valid and unused; reports whether it could. */
    boolean claim(String id) {
        return ID.matcher(id).matches() && used.add(id);
    }

    /** A new id made from the question's words. */
    String forQuestion(String question) {
        String base = slug(question);
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) {
            // Cut at a word boundary so the id still reads as words.
            int cut = s.lastIndexOf('-', MAX_LENGTH);
            s = cut >= MAX_LENGTH / 2 ? s.substring(0, cut) : s.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "question" : s;
    }
}
