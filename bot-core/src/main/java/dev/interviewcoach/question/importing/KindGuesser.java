package dev.interviewcoach.question.importing;

import dev.interviewcoach.question.QuestionKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Guesses what kind of question a question is from its wording, for documents that do not say. */
final class KindGuesser {

    private static final List<String> BEHAVIORAL_OPENINGS = List.of("tell me about a time", "tell us about a time",
            "describe a time", "describe a situation", "give an example of a time", "give me an example of a time",
            "give us an example of a time", "have you ever", "talk about a time", "share an example of a time",
            "tell me about yourself");
    private static final List<String> BEHAVIORAL_PHRASES = List.of("greatest weakness", "biggest weakness",
            "greatest strength", "biggest strength");
    private static final List<String> MOTIVATION_PHRASES = List.of("why do you want", "where do you see yourself",
            "why are you interested", "why should we hire you", "why are you leaving", "what motivates you");
    // "Why this role?" is about motivation; "explain why this query is slow" is not.
    private static final Pattern WHY_THIS = Pattern.compile("^why this\\b|\\bwhy (this|our) (company|role|job|position"
            + "|team|industry|field|career|organi[sz]ation|opportunity)\\b");
    private static final List<String> SITUATIONAL_PHRASES = List.of("what would you do", "how would you handle",
            "how would you respond", "how would you deal", "what would you say");
    private static final Map<String, QuestionKind> OTHER_WORDS = Map.of(
            "behavioural", QuestionKind.BEHAVIORAL, "behavior", QuestionKind.BEHAVIORAL,
            "behaviour", QuestionKind.BEHAVIORAL, "situation", QuestionKind.SITUATIONAL,
            "hypothetical", QuestionKind.SITUATIONAL, "motivational", QuestionKind.MOTIVATION,
            "tech", QuestionKind.TECHNICAL);

    private KindGuesser() {
    }

    static QuestionKind guess(String question) {
        String q = QuestionShape.withoutNumber(question).toLowerCase(Locale.ROOT).replace('\u2019', '\'')
                .replaceAll("\\s+", " ").strip();
        if (BEHAVIORAL_OPENINGS.stream().anyMatch(q::startsWith) || BEHAVIORAL_PHRASES.stream().anyMatch(q::contains)) {
            return QuestionKind.BEHAVIORAL;
        }
        if (MOTIVATION_PHRASES.stream().anyMatch(q::contains) || WHY_THIS.matcher(q).find()) {
            return QuestionKind.MOTIVATION;
        }
        if (SITUATIONAL_PHRASES.stream().anyMatch(q::contains)) {
            return QuestionKind.SITUATIONAL;
        }
        return QuestionKind.TECHNICAL;
    }

    /** A kind a document named, accepting British spelling and a few near words. */
    static Optional<QuestionKind> named(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return QuestionKind.fromWord(w).or(() -> Optional.ofNullable(OTHER_WORDS.get(w)));
    }
}
