package dev.interviewcoach.question;

import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Phrases of a bank that read correctly but that the coach cannot use: a {@code shown_by} phrase made only of common
 * words and negations never shows its point, a {@code spotted_by} phrase of one word is ignored, and a wording of a
 * point that says it as a denial (when the point itself denies nothing) would match answers that deny the point. They
 * are warnings, not problems: the bank still loads.
 */
public final class PhraseLint {

    private PhraseLint() {
    }

    /** Every phrase of the bank the coach cannot match, located by question, point or misconception, and phrase. */
    public static List<BankProblem> check(String file, Bank bank, TextAnalyzer analyzer) {
        List<BankProblem> out = new ArrayList<>();
        for (int q = 0; q < bank.questions().size(); q++) {
            Question question = bank.questions().get(q);
            String at = "questions[" + (q + 1) + "]";
            for (int p = 0; p < question.talkingPoints().size(); p++) {
                TalkingPoint point = question.talkingPoints().get(p);
                String pointAt = at + ".talking_points[" + (p + 1) + "]";
                if (!denies(point.point())) {
                    wordingsSaidAsDenials(file, pointAt + ".in_other_words", point.inOtherWords(), out);
                    wordingsSaidAsDenials(file, pointAt + ".in_everyday_words", point.inEverydayWords(), out);
                }
                List<String> phrases = point.shownBy();
                for (int i = 0; i < phrases.size(); i++) {
                    if (words(phrases.get(i), analyzer).isEmpty()) {
                        out.add(new BankProblem(file, 0, at + ".talking_points[" + (p + 1) + "].shown_by[" + (i + 1) + "]",
                                "warning: \"" + phrases.get(i) + "\" is only common words and negations, so it never"
                                        + " shows the point; name what a person would say (\"NOT IN with a NULL\", not"
                                        + " \"not in\")"));
                    }
                }
            }
            misconceptions(file, at + ".", question.ownMisconceptions(), analyzer, out);
        }
        misconceptions(file, "", bank.trackWideMisconceptions(), analyzer, out);
        return out;
    }

    private static void misconceptions(String file, String at, List<Misconception> list, TextAnalyzer analyzer,
                                       List<BankProblem> out) {
        for (int m = 0; m < list.size(); m++) {
            List<String> phrases = list.get(m).spottedBy();
            for (int i = 0; i < phrases.size(); i++) {
                List<String> words = words(phrases.get(i), analyzer);
                if (words.size() < 2) {
                    out.add(new BankProblem(file, 0, at + "misconceptions[" + (m + 1) + "].spotted_by[" + (i + 1) + "]",
                            "warning: \"" + phrases.get(i) + "\" reads as " + (words.isEmpty() ? "no word"
                                    : "the one word \"" + words.getFirst() + "\"")
                                    + " once common words and negations are set aside, and a wrong claim needs two"
                                    + " (one word is used by right answers too), so it is ignored; add a word a"
                                    + " believer would type"));
                }
            }
        }
    }

    private static void wordingsSaidAsDenials(String file, String at, List<String> wordings, List<BankProblem> out) {
        for (int i = 0; i < wordings.size(); i++) {
            if (denies(wordings.get(i))) {
                out.add(new BankProblem(file, 0, at + "[" + (i + 1) + "]", "warning: \"" + wordings.get(i) + "\" says the"
                        + " point as a denial, so an answer denying the point would come close to it; say what is so"
                        + " (\"the database itself refuses a duplicate email\", not \"it doesn't allow duplicates\")"));
            }
        }
    }

    /** Whether a text denies something: a negation that does not only widen what follows ("not only", "no matter"). */
    private static boolean denies(String text) {
        String[] w = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^\\p{L}']+");
        for (int i = 0; i < w.length; i++) {
            if (TextAnalyzer.isNegator(w[i]) && TextAnalyzer.denies(w[i], i + 1 < w.length ? w[i + 1] : "")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String phrase, TextAnalyzer analyzer) {
        return analyzer.tokens(phrase).stream().filter(t -> !t.negator()).map(TextAnalyzer.Token::stem).toList();
    }
}
