package dev.interviewcoach.question;

import java.util.Locale;
import java.util.Optional;

/** What sort of question it is; feedback looks for a different structure in each. */
public enum QuestionKind {
    TECHNICAL,
    BEHAVIORAL,
    SITUATIONAL,
    MOTIVATION;

    /**
     * Whether a wrong claim in an answer is a misstep of conduct ("I'd want your job", running down a colleague),
     * which works against the candidate, rather than a false statement: in a story or a motivation answer. A
     * situational question's claims are mostly facts of the situation ("more connections means more throughput").
     */
    public boolean claimsAreConduct() {
        return this == BEHAVIORAL || this == MOTIVATION;
    }

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
