package dev.interviewcoach.question;

import java.util.Locale;
import java.util.Optional;

/** What sort of question it is; feedback looks for a different structure in each. */
public enum QuestionKind {
    TECHNICAL,
    BEHAVIORAL,
    SITUATIONAL,
    MOTIVATION;

    /** The word used in bank files. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuestionKind> fromWord(String word) {
        for (QuestionKind kind : values()) {
            if (kind.word().equalsIgnoreCase(word.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
