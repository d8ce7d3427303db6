package dev.interviewcoach.question.importing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels documents put in front of the parts of a question: "Q:", "Answer Example:",
 * "**Why they ask:**", "### Sample answer" and the like. Only names on these lists count, so an
 * answer line such as "Result: churn fell" stays part of the answer.
 */
enum Label {
    QUESTION,
    ANSWER,
    WHY,
    GUIDANCE,
    HINTS,
    FOLLOW_UPS,
    TOPICS,
    KIND,
    DIFFICULTY;

    /** A line that starts with a label, and the text after the label on the same line. */
    record Labeled(Label label, String rest) {}

    private static final Map<Label, Set<String>> NAMES = Map.of(
            QUESTION, Set.of("q", "question", "interview question"),
            ANSWER, Set.of("a", "answer", "answers", "answer example", "example answer", "sample answer",
                    "answer sample", "example", "example response", "sample response", "model answer",
                    "possible answer", "suggested answer", "best answer", "strong answer", "good answer",
                    "how you might answer", "how you could answer"),
            GUIDANCE, Set.of("guidance", "tip", "tips", "how to answer", "how to answer it", "how to answer this",
                    "how to answer this question", "advice", "answer tips", "answering tips", "what to include",
                    "approach"),
            HINTS, Set.of("hint", "hints"),
            FOLLOW_UPS, Set.of("follow up", "follow ups", "followup", "followups", "follow up question",
                    "follow up questions", "possible follow ups", "likely follow ups"),
            TOPICS, Set.of("topic", "topics", "tag", "tags"),
            KIND, Set.of("kind", "type", "question type"),
            DIFFICULTY, Set.of("difficulty", "level"));

    // "why they ask", "why employers ask this question", "what the interviewer wants to know", ...
    private static final Pattern WHY_NAME = Pattern.compile(
            "why( (do |does )?(they|employers|interviewers|recruiters|hiring managers|companies|managers|the interviewer)"
            + " ask(s)?( (this|it|that))?( question)?)?"
            + "|why (it is|it's|this is|this question is|is this|is it) asked"
            + "|why (this question|it) matters|why it's important"
            + "|what (they|the interviewer|interviewers|employers|the employer|the hiring manager|hiring managers)"
            + " (want|wants) to (know|learn|hear|see)"
            + "|what (they|the interviewer|interviewers|employers|the employer|the hiring manager) (are|is) looking for"
            + "|what (they're|the interviewer's) looking for|purpose|what it tests|what this tests");

    // "Q1. What is ..." and "Question 3) ..." number the question instead of using a colon.
    private static final Pattern NUMBERED_QUESTION = Pattern.compile(
            "(?i)^[*_]*(?:q|question)\\s*\\d+\\s*[.)][*_]*\\s+(.*)$");

    private static final int MAX_NAME_LENGTH = 60;

    /** The label a line starts with, if any; block quotes and heading marks in front are allowed. */
    static Optional<Labeled> find(String line) {
        String s = line.strip();
        while (s.startsWith(">")) {
            s = s.substring(1).strip();
        }
        while (s.startsWith("#")) {
            s = s.substring(1);
        }
        s = s.strip();
        Matcher numbered = NUMBERED_QUESTION.matcher(s);
        if (numbered.matches()) {
            return Optional.of(new Labeled(QUESTION, numbered.group(1).strip()));
        }
        String body = stripLeadingMarks(s);
        int colon = body.indexOf(':');
        if (colon > 0 && colon <= MAX_NAME_LENGTH) {
            Optional<Label> label = named(body.substring(0, colon));
            if (label.isPresent()) {
                return Optional.of(new Labeled(label.get(), stripLeadingMarks(body.substring(colon + 1))));
            }
        }
        // A label on a line of its own, such as "Sample answer" or "**Why they ask this?**".
        if (body.length() <= MAX_NAME_LENGTH) {
            return named(body).map(label -> new Labeled(label, ""));
        }
        return Optional.empty();
    }

    /** The label a name stands for, ignoring case, emphasis, numbering and a closing ':' or '?'. */
    static Optional<Label> named(String name) {
        String n = stripLeadingMarks(name).replaceAll("[*_\\s]+$", "")
                .toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replaceAll("[-_]", " ")
                .replaceAll("[\\s:?.]+$", "")
                .replaceAll("\\s*\\d+$", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (n.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<Label, Set<String>> entry : NAMES.entrySet()) {
            if (entry.getValue().contains(n)) {
                return Optional.of(entry.getKey());
            }
        }
        return WHY_NAME.matcher(n).matches() ? Optional.of(WHY) : Optional.empty();
    }

    /** Drops the emphasis marks and spaces in front: "**Q:** text" has its label in bold. */
    private static String stripLeadingMarks(String s) {
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '*' || s.charAt(start) == '_'
                || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        return s.substring(start);
    }
}
