package dev.interviewcoach.question.importing;

import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes questions as a bank file laid out like docs/banks.md: long text as folded ({@code >})
 * blocks, short values plain, and double quotes only where YAML would misread plain text
 * ("DRAFT: ..." holds ': ', "yes" would read as true, "2020" as a number). Written by hand because
 * Jackson's YAML generator cannot write comments, folded blocks or one-line [ ] lists inside block ones.
 */
final class BankYamlWriter {

    private static final int WIDTH = 96;
    private static final Pattern PLAIN_BLOCK = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .,'()/?!+&%_-]*");
    private static final Pattern PLAIN_FLOW = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .'()/?!+&%_-]*");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");
    // Characters YAML does not allow in a document, and line breaks other than \n that it would honour.
    private static final Pattern NOT_PRINTABLE = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F\\uFEFF\\uFFFE\\uFFFF\\uD800-\\uDFFF]");

    private BankYamlWriter() {
    }

    static String write(List<String> comment, String track, String title, String description, List<Question> questions) {
        StringBuilder out = new StringBuilder();
        for (String line : comment) {
            out.append(("# " + Prose.oneLine(clean(line))).strip()).append('\n');
        }
        out.append("track: ").append(inline(track)).append('\n');
        out.append("title: ").append(inline(title)).append('\n');
        if (!description.isBlank()) {
            folded(out, 0, "description", description);
        }
        out.append("questions:\n");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (i > 0) {
                out.append('\n');
            }
            out.append("  - id: ").append(inline(q.id())).append('\n');
            out.append("    kind: ").append(q.kind().word()).append('\n');
            out.append("    difficulty: ").append(q.difficulty()).append('\n');
            if (!q.topics().isEmpty()) {
                out.append("    topics: ").append(flow(q.topics())).append('\n');
            }
            folded(out, 4, "question", q.text());
            folded(out, 4, "why", q.why());
            folded(out, 4, "guidance", q.guidance());
            out.append("    talking_points:\n");
            for (TalkingPoint p : q.talkingPoints()) {
                out.append("      - id: ").append(inline(p.id())).append('\n');
                out.append("        point: ").append(inline(p.point())).append('\n');
                out.append("        shown_by: ").append(flow(p.shownBy())).append('\n');
            }
            folded(out, 4, "example_answer", q.exampleAnswer());
            list(out, "hints", q.hints());
            list(out, "follow_ups", q.followUps());
        }
        return out.toString();
    }

    /** A folded block: lines wrap at spaces and read back as one line; a blank line keeps a paragraph break. */
    private static void folded(StringBuilder out, int indent, String key, String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : clean(text).split("\n")) {
            String line = Prose.oneLine(p);
            if (!line.isEmpty()) {
                paragraphs.add(line);
            }
        }
        String pad = " ".repeat(indent);
        if (paragraphs.isEmpty()) {
            out.append(pad).append(key).append(": \"\"\n");
            return;
        }
        out.append(pad).append(key).append(": >\n");
        String textPad = " ".repeat(indent + 2);
        int width = Math.max(40, WIDTH - indent - 2);
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            StringBuilder line = new StringBuilder();
            for (String word : paragraphs.get(i).split(" ")) {
                if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                    out.append(textPad).append(line).append('\n');
                    line.setLength(0);
                }
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(textPad).append(line).append('\n');
        }
    }

    private static void list(StringBuilder out, String key, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("    ").append(key).append(":\n");
        for (String item : items) {
            out.append("      - ").append(inline(item)).append('\n');
        }
    }

    private static String flow(List<String> items) {
        return "[" + String.join(", ", items.stream().map(BankYamlWriter::inFlow).toList()) + "]";
    }

    /** A one-line value in block context: plain when YAML reads it back as the same text, else quoted. */
    static String inline(String value) {
        String text = Prose.oneLine(clean(value));
        return plainSafe(text, PLAIN_BLOCK) ? text : quoted(text);
    }

    /** A value inside [ ]: as {@link #inline} but commas, too, need quotes. */
    static String inFlow(String value) {
        String text = Prose.oneLine(clean(value));
        return plainSafe(text, PLAIN_FLOW) ? text : quoted(text);
    }

    private static boolean plainSafe(String text, Pattern allowed) {
        return allowed.matcher(text).matches()
                && !Character.isDigit(text.charAt(0))
                && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Line breaks made \n, tabs made spaces, and characters YAML cannot hold dropped. */
    private static String clean(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u0085', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n').replace('\t', ' ');
        return NOT_PRINTABLE.matcher(t).replaceAll("");
    }
}
