package dev.interviewcoach.question.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Turns the lines a document gave for one part of a question into bank text: paragraphs or list items. */
final class Prose {

    private static final Pattern BULLET = Pattern.compile("^(?:[-*+\u2022\u2013]|\\(?\\d{1,3}[.)])\\s+");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?:;]['\"\u2019\u201d)]*$");

    private Prose() {
    }

    /**
     * Lines joined into paragraphs; a blank line starts a new one. List items become sentences of
     * their paragraph, so "- cut costs" reads "Cut costs." rather than running into the next item.
     */
    static String paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        List<StringBuilder> pieces = new ArrayList<>();
        boolean inItem = false;
        for (String raw : lines) {
            String line = oneLine(raw);
            if (line.isEmpty()) {
                flush(pieces, paragraphs, inItem);
                inItem = false;
                continue;
            }
            if (BULLET.matcher(line).find()) {
                closeItem(pieces, inItem);
                pieces.add(new StringBuilder(capitalise(BULLET.matcher(line).replaceFirst(""))));
                inItem = true;
            } else if (pieces.isEmpty()) {
                pieces.add(new StringBuilder(line));
            } else {
                pieces.getLast().append(' ').append(line);
            }
        }
        flush(pieces, paragraphs, inItem);
        return String.join("\n\n", paragraphs);
    }

    /** One item per list bullet, or per paragraph when there are no bullets. */
    static List<String> items(List<String> lines) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = oneLine(raw);
            boolean bullet = BULLET.matcher(line).find();
            if (line.isEmpty() || bullet) {
                addItem(items, current);
                current.setLength(0);
            }
            if (!line.isEmpty()) {
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(bullet ? BULLET.matcher(line).replaceFirst("") : line);
            }
        }
        addItem(items, current);
        return items;
    }

    /** One list item: the line without its bullet or number, on one line. */
    static String item(String line) {
        return BULLET.matcher(oneLine(line)).replaceFirst("");
    }

    /** Values of a list written on one line: split at ';' or '|', or at commas when there are neither. */
    static List<String> listValues(String text) {
        String separators = text.contains(";") || text.contains("|") ? "[;|]" : ",";
        return Arrays.stream(text.split(separators)).map(Prose::oneLine).filter(s -> !s.isEmpty()).toList();
    }

    /** Whitespace of every sort collapsed to single spaces, and the ends trimmed. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\s\u00a0\u2028\u2029\u0085]+", " ").strip();
    }

    /** Drops quotation marks around the whole text, which web pages put round sample answers. */
    static String unquoted(String text) {
        String t = text.strip();
        if (t.length() < 2) {
            return t;
        }
        char first = t.charAt(0);
        char last = t.charAt(t.length() - 1);
        String inner = t.substring(1, t.length() - 1);
        boolean straight = first == '"' && last == '"' && inner.indexOf('"') < 0;
        boolean curly = first == '\u201c' && last == '\u201d' && inner.indexOf('\u201c') < 0 && inner.indexOf('\u201d') < 0;
        return straight || curly ? inner.strip() : t;
    }

    private static void flush(List<StringBuilder> pieces, List<String> paragraphs, boolean inItem) {
        closeItem(pieces, inItem);
        if (!pieces.isEmpty()) {
            paragraphs.add(String.join(" ", pieces));
            pieces.clear();
        }
    }

    private static void closeItem(List<StringBuilder> pieces, boolean inItem) {
        if (inItem && !pieces.isEmpty() && !ENDS_SENTENCE.matcher(pieces.getLast()).matches()) {
            pieces.getLast().append('.');
        }
    }

    private static void addItem(List<String> items, StringBuilder item) {
        String text = item.toString().strip();
        if (!text.isEmpty()) {
            items.add(text);
        }
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
