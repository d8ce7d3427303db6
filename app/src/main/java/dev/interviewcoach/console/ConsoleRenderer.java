package dev.interviewcoach.console;

import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import java.util.stream.Collectors;

/**
 * Renders replies as terminal text: headings framed, fields on one line, buttons as the words
 * to type. With {@code ansi} on, bold and italic use terminal escapes; any escape characters in
 * the text itself are dropped so an answer cannot repaint the screen.
 */
public final class ConsoleRenderer {

    private final boolean ansi;

    public ConsoleRenderer(boolean ansi) {
        this.ansi = ansi;
    }

    public String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Heading h -> out.append('\n').append(style("1", "== " + clean(h.text()) + " ==")).append('\n');
                case Block.Text t -> out.append(text(t.text())).append('\n');
                case Block.Fields f -> out.append(f.fields().stream()
                        .map(field -> field.label() + ": " + text(field.value()))
                        .collect(Collectors.joining("  |  "))).append('\n');
                case Block.Progress p -> out.append(bar(p)).append('\n');
                case Block.Buttons b -> {
                    // A button that only opens a form for what is typed here anyway has no word of its own to show.
                    String typed = b.buttons().stream().filter(button -> button.form() != Block.Form.INSTEAD_OF_TYPING)
                            .map(Block.Button::typed).filter(word -> word != null && !word.isBlank())
                            .collect(Collectors.joining(", "));
                    if (!typed.isEmpty()) {
                        out.append(style("2", "(type " + typed + ")")).append('\n');
                    }
                }
                case Block.Divider ignored -> out.append("-".repeat(60)).append('\n');
                case Block.Quote q -> out.append(text(q.text()).lines().map(l -> "> " + l)
                        .collect(Collectors.joining("\n"))).append('\n');
            }
        }
        if (reply.blocks().isEmpty()) {
            out.append(clean(reply.fallback())).append('\n');
        }
        return out.toString();
    }

    private String text(RichText rich) {
        StringBuilder out = new StringBuilder();
        for (RichText.Span span : rich.spans()) {
            switch (span) {
                case RichText.Plain p -> out.append(clean(p.text()));
                case RichText.Bold b -> out.append(style("1", clean(b.text())));
                case RichText.Italic i -> out.append(style("3", clean(i.text())));
                case RichText.Code c -> out.append(clean(c.text()));
                case RichText.Link l -> out.append(clean(l.label())).append(" <").append(clean(l.url())).append('>');
                case RichText.Mention m -> out.append(clean(m.user().userId()));
                case RichText.ChannelLink c -> out.append('#').append(clean(c.channel().channelId()));
                case RichText.LineBreak ignored -> out.append('\n');
                case RichText.CodeBlock c -> out.append('\n').append(clean(c.code()).indent(4));
                case RichText.Bullets b -> b.items().forEach(item -> out.append("\n  - ").append(text(item)));
                case RichText.Quoted q -> out.append('\n').append(text(q.text()).lines().map(l -> "> " + l)
                        .collect(Collectors.joining("\n")));
            }
        }
        String result = out.toString();
        return result.startsWith("\n") ? result.substring(1) : result;
    }

    private static String bar(Block.Progress p) {
        int width = 20;
        int filled = Math.round((float) p.done() / p.total() * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + p.done() + "/" + p.total() + " done"
                + (p.label() == null || p.label().isBlank() ? "" : ", " + p.label());
    }

    private String style(String code, String text) {
        return ansi ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    /** Drops control characters (escape sequences above all) but keeps line breaks and tabs. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
