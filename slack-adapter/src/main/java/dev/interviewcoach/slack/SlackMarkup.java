package dev.interviewcoach.slack;

import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.TextPieces;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich text as Slack mrkdwn. Every character of text is escaped ({@code &}, {@code <}, {@code >})
 * so nothing a person wrote can become a mention, a channel ping or a link; a delimiter inside
 * bold, italic or code is swapped for a look-alike so it cannot end the formatting early.
 */
final class SlackMarkup {

    private SlackMarkup() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A run that Slack would format: a delimiter hugging text on both sides, at word boundaries. */
    private static final Pattern FORMATTED = Pattern.compile(
            "(?<=^|[\\s(\\[{\"'])([*_~`])(?=\\S)(.*?\\S)\\1(?=$|[\\s.,;:!?)\\]}\"'])", Pattern.DOTALL);

    /**
     * Plain text that shows exactly what was typed: {@code *bold*}, {@code _it_}, {@code ~x~} and
     * backticks that Slack would format get look-alike delimiters instead.
     */
    static String literal(String text) {
        String escaped = escape(text).replace("```", "\u02cb\u02cb\u02cb");
        if (!hasDelimiter(escaped)) {
            return escaped; // most text: nothing the pattern could match, and it is costly to run on every reply
        }
        Matcher m = FORMATTED.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String look = lookAlike(m.group(1).charAt(0));
            m.appendReplacement(out, Matcher.quoteReplacement(look + m.group(2) + look));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean hasDelimiter(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '*', '_', '~', '`' -> {
                    return true;
                }
                default -> {
                    // plain character
                }
            }
        }
        return false;
    }

    private static String lookAlike(char delimiter) {
        return switch (delimiter) {
            case '*' -> "\u2217";
            case '_' -> "\u02cd";
            case '~' -> "\u223c";
            default -> "\u02cb";
        };
    }

    static String render(RichText text) {
        StringBuilder out = new StringBuilder();
        for (RichText.Span span : text.spans()) {
            switch (span) {
                case RichText.Plain p -> out.append(literal(p.text()));
                case RichText.Bold b -> wrap(out, "*", b.text().replace('*', '\u2217'));
                case RichText.Italic i -> wrap(out, "_", i.text().replace('_', '\u02cd'));
                case RichText.Code c -> wrap(out, "`", c.text().replace('`', '\u02cb'));
                case RichText.Link l -> out.append('<').append(l.url().replace("|", "%7C").replace(">", "%3E"))
                        .append('|').append(escape(l.label()).replace("|", "\u01c0")).append('>');
                case RichText.Mention m -> out.append("<@").append(m.user().userId()).append('>');
                case RichText.ChannelLink c -> out.append("<#").append(c.channel().channelId()).append('>');
                case RichText.LineBreak ignored -> out.append('\n');
                case RichText.CodeBlock c -> out.append("\n```\n").append(escape(c.code()).replace("```", "\u02cb\u02cb\u02cb"))
                        .append("\n```\n");
                case RichText.Bullets b -> out.append(b.items().stream().map(item -> "\u2022 " + render(item))
                        .collect(Collectors.joining("\n", out.isEmpty() ? "" : "\n", "")));
                case RichText.Quoted q -> out.append('\n').append(render(q.text()).lines().map(l -> "> " + l)
                        .collect(Collectors.joining("\n")));
            }
        }
        return out.toString();
    }

    private static void wrap(StringBuilder out, String delimiter, String text) {
        TextPieces.wrap(out, delimiter, text, SlackMarkup::escape);
    }
}
