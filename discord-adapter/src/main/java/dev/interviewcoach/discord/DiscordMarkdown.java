package dev.interviewcoach.discord;

import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.TextPieces;
import java.util.stream.Collectors;

/**
 * Rich text as Discord markdown. Text is escaped so a person's {@code *stars*}, backticks or
 * {@code > quotes} show as typed, and {@code @everyone}, {@code @here} and {@code <@id>} are
 * broken with a zero-width space: they neither ping (mentions are also disabled per message)
 * nor even look like mentions.
 */
final class DiscordMarkdown {

    private static final String ZERO_WIDTH = "\u200b";

    private DiscordMarkdown() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_~`|>#-[]()".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            if (c == '@' || (c == '<' && i + 1 < text.length() && "@#:".indexOf(text.charAt(i + 1)) >= 0)) {
                out.append(ZERO_WIDTH);
            }
        }
        return out.toString();
    }

    static String render(RichText text) {
        StringBuilder out = new StringBuilder();
        for (RichText.Span span : text.spans()) {
            switch (span) {
                case RichText.Plain p -> out.append(escape(p.text()));
                case RichText.Bold b -> wrap(out, "**", b.text());
                case RichText.Italic i -> wrap(out, "*", i.text());
                case RichText.Code c -> out.append('`').append(c.text().replace("`", "\u02cb")).append('`');
                case RichText.Link l -> out.append('[').append(escape(l.label())).append("](<").append(l.url()).append(">)");
                case RichText.Mention m -> out.append("<@").append(m.user().userId()).append('>');
                // A Discord thread is a channel of its own: link the thread itself, not its parent.
                case RichText.ChannelLink c -> out.append("<#").append(c.channel().threadId() != null
                        ? c.channel().threadId() : c.channel().channelId()).append('>');
                case RichText.LineBreak ignored -> out.append('\n');
                case RichText.CodeBlock c -> out.append("\n```\n").append(c.code().replace("```", "\u02cb\u02cb\u02cb"))
                        .append("\n```\n");
                case RichText.Bullets b -> out.append(b.items().stream().map(item -> "- " + render(item))
                        .collect(Collectors.joining("\n", out.isEmpty() ? "" : "\n", "")));
                case RichText.Quoted q -> out.append('\n').append(render(q.text()).lines().map(l -> "> " + l)
                        .collect(Collectors.joining("\n")));
            }
        }
        return out.toString();
    }

    private static void wrap(StringBuilder out, String delimiter, String text) {
        TextPieces.wrap(out, delimiter, text, DiscordMarkdown::escape);
    }
}
