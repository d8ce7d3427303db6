package dev.interviewcoach.question.importing;

import java.util.regex.Pattern;

/** Turns a line of Markdown into the plain text a person reads: no emphasis marks, links or code ticks. */
final class MarkdownText {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern CODE = Pattern.compile("`+([^`]+)`+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
    // Single '_' only at word edges, so snake_case names in technical answers survive.
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\w*])\\*(\\S(?:.*?\\S)?)\\*(?![\\w*])");
    private static final Pattern EM_UNDERSCORE = Pattern.compile("(?<![\\w_])_(\\S(?:.*?\\S)?)_(?![\\w_])");
    private static final Pattern STRIKE = Pattern.compile("~~(\\S(?:.*?\\S)?)~~");
    private static final Pattern SIMPLE_TAG = Pattern.compile("(?i)</?(?:br|p|b|i|em|strong|code|span|u)\\s*/?>");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>])");
    private static final Pattern LONE_MARKS = Pattern.compile("(?<=^|\\s)(\\*\\*|__)|(\\*\\*|__)(?=\\s|$)");

    private MarkdownText() {
    }

    static String plain(String line) {
        String s = IMAGE.matcher(line).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = CODE.matcher(s).replaceAll("$1");
        s = STRONG.matcher(s).replaceAll("$2");
        s = EM_STAR.matcher(s).replaceAll("$1");
        s = EM_UNDERSCORE.matcher(s).replaceAll("$1");
        s = STRIKE.matcher(s).replaceAll("$1");
        s = SIMPLE_TAG.matcher(s).replaceAll(" ");
        // Bold that a label split in two ("**Q: What is X?**") leaves a stray pair of marks.
        s = LONE_MARKS.matcher(s).replaceAll("");
        s = ESCAPE.matcher(s).replaceAll("$1");
        return s;
    }
}
