package dev.interviewcoach.question.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds questions in Markdown and plain text. It first decides how the document marks its
 * questions, trying in turn: "Q:" labels; headings that read like questions; whole-line bold
 * questions; a numbered or bulleted list of questions (those three in Markdown only); and last the
 * layout of interview-prep web pages, a question on a line of its own, a paragraph on why it is
 * asked and a labelled example answer. Each question's lines are then split by their labels into
 * answer, why, guidance, hints, follow-ups, topics, kind and difficulty.
 */
final class DocumentReader implements QuestionReader {

    private enum Layout { LABELS, HEADINGS, BOLD_LINES, LIST, PAGE }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)(?:\\s+#+)?$");
    private static final Pattern BOLD_LINE = Pattern.compile("^(\\*\\*|__)(.+?)\\1\\s*([?:]?)$");
    private static final Pattern RULE = Pattern.compile("^(?:([-*_=~])\\s*)\\1(?:\\s*\\1)+$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:\\d{1,3}[.)]|[-*+])\\s+(.*)$");
    private static final Pattern LEADING_BOLD = Pattern.compile("^(\\*\\*|__)(.+?)\\1\\s*[-\u2013\u2014:]?\\s*(.*)$");
    private static final Pattern INLINE_ANSWER = Pattern.compile("\\s[*_]{0,3}(?:A|[Aa]nswer)[*_]{0,3}\\s*:[*_]{0,3}(?=\\s|$)");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?:;\"'\u201d\u2019)]$");
    private static final int MAX_HEADING_QUESTION_WORDS = 15;
    private static final int MAX_TITLE_WORDS = 8;

    /** One line of the document; {@code heading} is its level, 0 when it is not a Markdown heading. */
    private record Line(int number, String text, boolean indented, boolean code, int heading, String headingText,
                        String bold, Label.Labeled label) {

        static Line of(int number, String text) {
            return new Line(number, text, false, false, 0, null, null, null);
        }

        boolean blank() {
            return text.isEmpty();
        }

        /** A heading that is not a label: it names a section, so it ends the question before it. */
        boolean sectionHeading() {
            return heading > 0 && label == null && !code;
        }

        Label.Labeled labelHere() {
            return code ? null : label;
        }

        String content() {
            return heading > 0 ? headingText : text;
        }
    }

    /** Where a question starts, its text, and any of its parts given on the same line. */
    private record Start(int index, int line, String question, int level, List<Line> inline) {}

    private final boolean markdown;

    DocumentReader(boolean markdown) {
        this.markdown = markdown;
    }

    @Override
    public List<FoundQuestion> read(String text, List<ImportProblem> problems) {
        List<Line> lines = lines(text);
        boolean hasAnswerLabels = lines.stream().anyMatch(l -> is(l, Label.ANSWER));
        Layout layout = Layout.LABELS;
        List<Start> starts = labelStarts(lines);
        if (starts.isEmpty() && markdown) {
            layout = Layout.HEADINGS;
            starts = headingStarts(lines, false);
        }
        if (starts.isEmpty() && markdown) {
            layout = Layout.BOLD_LINES;
            starts = headingStarts(lines, true);
        }
        if (starts.isEmpty() && markdown) {
            layout = Layout.LIST;
            starts = listStarts(lines);
        }
        if (starts.isEmpty()) {
            layout = Layout.PAGE;
            starts = pageStarts(lines, hasAnswerLabels);
        }
        if (layout == Layout.LABELS) {
            reportAnswersBefore(lines, starts.getFirst().index(), problems);
        }
        // Where answers carry labels, unlabelled text beside them is context (why it is asked), never the answer.
        boolean answersLabeled = layout == Layout.LABELS || (layout == Layout.PAGE && hasAnswerLabels);
        List<FoundQuestion> found = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            Start start = starts.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1).index() : lines.size();
            List<Line> body = new ArrayList<>(start.inline());
            for (int i = start.index() + 1; i < end; i++) {
                Line line = lines.get(i);
                if (line.sectionHeading() && (layout != Layout.HEADINGS || line.heading() <= start.level())) {
                    break;
                }
                body.add(line);
            }
            String question = start.question();
            if (layout == Layout.LABELS) {
                question = withContinuation(question, body);
            }
            if (question.isEmpty()) {
                problems.add(new ImportProblem(start.line(), "a question label with no question after it, skipped"));
                continue;
            }
            found.add(parts(start.line(), question, body, answersLabeled, problems));
        }
        return found;
    }

    private List<Line> lines(String text) {
        String[] raw = text.replace("\uFEFF", "").split("\r\n|\r|\n|\u2028|\u2029|\u0085", -1);
        List<Line> lines = new ArrayList<>();
        String fence = null;
        for (int i = 0; i < raw.length; i++) {
            String r = raw[i];
            String t = r.strip();
            int number = i + 1;
            if (markdown && (t.startsWith("```") || t.startsWith("~~~"))) {
                fence = fence == null ? t.substring(0, 3) : t.startsWith(fence) ? null : fence;
                continue;
            }
            if (fence != null) {
                lines.add(new Line(number, t, true, true, 0, null, null, null));
                continue;
            }
            if (RULE.matcher(t).matches()) {
                lines.add(Line.of(number, ""));
                continue;
            }
            boolean indented = !r.isEmpty() && Character.isWhitespace(r.charAt(0));
            int heading = 0;
            String headingText = null;
            String bold = null;
            if (markdown) {
                Matcher h = HEADING.matcher(t);
                Matcher b = BOLD_LINE.matcher(t);
                if (h.matches() && !indented) {
                    heading = h.group(1).length();
                    headingText = tidy(h.group(2));
                } else if (b.matches()) {
                    bold = tidy(b.group(2) + b.group(3));
                }
            }
            lines.add(new Line(number, t, indented, false, heading, headingText, bold, Label.find(t).orElse(null)));
        }
        return lines;
    }

    /** "Q:" and "Question:" lines; an answer may follow on the same line after "A:". */
    private List<Start> labelStarts(List<Line> lines) {
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!is(line, Label.QUESTION)) {
                continue;
            }
            String rest = line.label().rest();
            List<Line> inline = new ArrayList<>();
            Matcher answer = INLINE_ANSWER.matcher(rest);
            if (answer.find()) {
                String answerText = rest.substring(answer.end()).strip();
                inline.add(new Line(line.number(), answerText, false, false, 0, null, null,
                        new Label.Labeled(Label.ANSWER, answerText)));
                rest = rest.substring(0, answer.start());
            }
            starts.add(new Start(i, line.number(), QuestionShape.withoutNumber(tidy(rest)), 0, inline));
        }
        return starts;
    }

    /**
     * Headings (or whole-line bold) that read like questions. A heading that does not, such as
     * "## Your biggest weakness", still counts when a labelled answer follows it.
     */
    private List<Start> headingStarts(List<Line> lines, boolean bold) {
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = bold ? line.bold() : line.heading() > 0 ? line.headingText() : null;
            if (text == null || line.labelHere() != null) {
                continue;
            }
            String question = QuestionShape.withoutNumber(text).strip();
            QuestionShape shape = QuestionShape.of(question, QuestionShape.numbered(text));
            if (shape == QuestionShape.STRONG
                    || (QuestionShape.wordCount(question) <= MAX_HEADING_QUESTION_WORDS
                        && answerLabelBeforeNextHeading(lines, i, bold))) {
                starts.add(new Start(i, line.number(), question, bold ? Integer.MAX_VALUE : line.heading(), List.of()));
            }
        }
        return starts;
    }

    private static boolean answerLabelBeforeNextHeading(List<Line> lines, int from, boolean bold) {
        for (int j = from + 1; j < lines.size(); j++) {
            Line line = lines.get(j);
            if (is(line, Label.ANSWER)) {
                return true;
            }
            if (line.sectionHeading() || (bold && line.bold() != null && line.labelHere() == null)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Top-level list items that are questions: "1. What is X?" or "- What is X?", the answer
     * indented below or in the following paragraph, or after a bold question on the same line.
     */
    private List<Start> listStarts(List<Line> lines) {
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.code() || line.indented() || line.heading() > 0 || line.label() != null) {
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line.text());
            if (!item.matches()) {
                continue;
            }
            boolean numbered = Character.isDigit(line.text().charAt(0));
            String question = item.group(1);
            List<Line> inline = List.of();
            Matcher bold = LEADING_BOLD.matcher(question);
            if (bold.matches()) {
                question = bold.group(2);
                if (!bold.group(3).isBlank()) {
                    inline = List.of(Line.of(line.number(), bold.group(3)));
                }
            }
            question = tidy(question);
            QuestionShape shape = QuestionShape.of(question, numbered);
            if (numbered ? shape == QuestionShape.STRONG : question.endsWith("?")) {
                starts.add(new Start(i, line.number(), question, 0, inline));
            }
        }
        return starts;
    }

    /**
     * The interview-prep page: a question on a line of its own, perhaps numbered, then why it is
     * asked, then "Answer Example:" and the answer. A short line without "?" counts as a question
     * only when such a labelled answer follows before the next question.
     */
    private List<Start> pageStarts(List<Line> lines, boolean hasAnswerLabels) {
        // The first line under a bare "Sample answer:" is the answer, whatever it looks like.
        boolean[] answerLine = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (is(lines.get(i), Label.ANSWER) && lines.get(i).label().rest().isEmpty()) {
                int next = nextNonBlank(lines, i + 1);
                if (next >= 0) {
                    answerLine[next] = true;
                }
            }
        }
        record Candidate(int index, String question, QuestionShape shape, boolean numbered) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank() || line.code() || line.label() != null || line.heading() > 0 || answerLine[i]
                    || !standsAlone(lines, i)) {
                continue;
            }
            String text = markdown ? MarkdownText.plain(line.text()) : line.text();
            boolean numbered = QuestionShape.numbered(text);
            String question = tidy(QuestionShape.withoutNumber(text));
            QuestionShape shape = QuestionShape.of(question, numbered);
            if (shape == QuestionShape.STRONG || (shape == QuestionShape.WEAK && hasAnswerLabels)) {
                candidates.add(new Candidate(i, question, shape, numbered));
            }
        }
        // Pages that number their questions number all of them; other lines are then part of answers.
        if (candidates.stream().filter(Candidate::numbered).count() >= 2) {
            candidates.removeIf(c -> !c.numbered());
        }
        List<Start> starts = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            Candidate c = candidates.get(k);
            int next = k + 1 < candidates.size() ? candidates.get(k + 1).index() : lines.size();
            if (c.shape() == QuestionShape.WEAK && !answerLabelBetween(lines, c.index(), next)) {
                continue;
            }
            starts.add(new Start(c.index(), lines.get(c.index()).number(), c.question(), 0, List.of()));
        }
        return starts;
    }

    /**
     * A question line starts a paragraph, or follows a finished sentence or a short line such as
     * a page title; the last line of a wrapped paragraph follows a long unfinished one.
     */
    private static boolean standsAlone(List<Line> lines, int i) {
        if (i == 0 || QuestionShape.numbered(lines.get(i).text()) && !lines.get(i).indented()) {
            return true;
        }
        Line before = lines.get(i - 1);
        return before.blank() || before.label() != null || before.heading() > 0
                || ENDS_SENTENCE.matcher(before.text()).matches()
                || QuestionShape.wordCount(before.text()) <= MAX_TITLE_WORDS;
    }

    private static boolean answerLabelBetween(List<Line> lines, int from, int to) {
        for (int j = from + 1; j < to; j++) {
            if (is(lines.get(j), Label.ANSWER)) {
                return true;
            }
        }
        return false;
    }

    private static int nextNonBlank(List<Line> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            if (!lines.get(j).blank()) {
                return j;
            }
        }
        return -1;
    }

    private static void reportAnswersBefore(List<Line> lines, int firstStart, List<ImportProblem> problems) {
        for (int i = 0; i < firstStart; i++) {
            if (is(lines.get(i), Label.ANSWER)) {
                problems.add(new ImportProblem(lines.get(i).number(), "an answer with no question before it, skipped"));
            }
        }
    }

    /** A "Q:" question may wrap onto the lines right below it, up to a blank line or a label. */
    private String withContinuation(String question, List<Line> body) {
        StringBuilder text = new StringBuilder(question);
        while (!body.isEmpty() && !body.getFirst().blank() && body.getFirst().labelHere() == null
                && body.getFirst().heading() == 0) {
            text.append(' ').append(body.removeFirst().text());
        }
        return tidy(text.toString());
    }

    /** Splits a question's lines into its parts by their labels. */
    private FoundQuestion parts(int line, String question, List<Line> body, boolean answersLabeled,
                                List<ImportProblem> problems) {
        List<String> unlabeled = new ArrayList<>();
        Map<Label, List<String>> sections = new EnumMap<>(Label.class);
        Label current = null;
        boolean inCode = false;
        for (Line l : body) {
            List<String> target = current == null ? unlabeled : sections.get(current);
            if (l.code()) {
                // Answers are spoken, and code run together into a sentence reads as nonsense.
                if (!inCode) {
                    problems.add(new ImportProblem(l.number(), "a code block was left out; a bank holds what a "
                            + "person says, so describe the code in words if it matters"));
                }
                inCode = true;
                continue;
            }
            if (inCode) {
                target.add("");
                inCode = false;
            }
            Label.Labeled labeled = l.labelHere();
            if (labeled != null && labeled.label() == Label.ANSWER && current == Label.ANSWER) {
                // "Example:" inside an answer is part of the answer, not a second one.
                if (!labeled.rest().isEmpty()) {
                    sections.get(current).add(l.content());
                }
                continue;
            }
            if (labeled != null && labeled.label() != Label.QUESTION) {
                current = labeled.label();
                List<String> section = sections.computeIfAbsent(current, k -> new ArrayList<>());
                if (!section.isEmpty()) {
                    section.add("");
                }
                section.add(labeled.rest());
                continue;
            }
            target.add(l.content());
        }
        String answer;
        String why;
        if (sections.containsKey(Label.ANSWER) || answersLabeled) {
            answer = prose(sections.get(Label.ANSWER));
            why = join(prose(unlabeled), prose(sections.get(Label.WHY)));
        } else {
            answer = prose(unlabeled);
            why = prose(sections.get(Label.WHY));
        }
        return new FoundQuestion(line, "", question, Prose.unquoted(answer), why, prose(sections.get(Label.GUIDANCE)),
                firstLine(sections.get(Label.KIND)), firstLine(sections.get(Label.DIFFICULTY)),
                Prose.listValues(firstLine(sections.get(Label.TOPICS))),
                items(sections.get(Label.HINTS)), items(sections.get(Label.FOLLOW_UPS)));
    }

    private String prose(List<String> lines) {
        return lines == null ? "" : Prose.paragraphs(plain(lines));
    }

    private List<String> items(List<String> lines) {
        return lines == null ? List.of() : Prose.items(plain(lines));
    }

    private String firstLine(List<String> lines) {
        return lines == null ? "" : plain(lines).stream().map(Prose::oneLine).filter(s -> !s.isEmpty())
                .findFirst().orElse("");
    }

    private List<String> plain(List<String> lines) {
        return markdown ? lines.stream().map(MarkdownText::plain).toList() : lines;
    }

    private String tidy(String text) {
        return Prose.oneLine(markdown ? MarkdownText.plain(text) : text);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n\n" + b;
    }

    private static boolean is(Line line, Label label) {
        return line.labelHere() != null && line.labelHere().label() == label;
    }
}
