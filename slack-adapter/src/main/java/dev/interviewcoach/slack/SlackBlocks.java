package dev.interviewcoach.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.TextPieces;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A reply as Block Kit, within Slack's limits: 3,000 characters a section, 150 a header, ten
 * fields a section, 25 buttons a row, 50 blocks a message. What does not fit is split into more
 * sections and more messages, never cut.
 */
final class SlackBlocks {

    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD = 2000;
    static final int MAX_BUTTONS = 25;
    static final int MAX_BUTTON_TEXT = 75;
    /** Slack accepts 40,000 characters of fallback text; stay well inside. */
    static final int MAX_TEXT = 3900;

    /** One message's worth: its blocks and its notification text. */
    record Message(List<LayoutBlock> blocks, String text) {}

    private SlackBlocks() {
    }

    /** The reply as one or more messages, in order. */
    static List<Message> messages(Reply reply) {
        List<LayoutBlock> all = blocks(reply);
        List<Message> messages = new ArrayList<>();
        String text = SlackMarkup.escape(reply.fallback());
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "\u2026"; // the blocks carry the whole text
        }
        for (int start = 0; start < all.size(); start += MAX_BLOCKS) {
            messages.add(new Message(List.copyOf(all.subList(start, Math.min(all.size(), start + MAX_BLOCKS))),
                    start == 0 ? text : text + " (continued)"));
        }
        if (messages.isEmpty()) {
            for (String piece : split(text, MAX_SECTION)) {
                messages.add(new Message(List.of(section(piece)), piece));
            }
        }
        return messages;
    }

    static List<LayoutBlock> blocks(Reply reply) {
        List<LayoutBlock> out = new ArrayList<>();
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Heading h -> {
                    if (h.text().length() <= MAX_HEADER) {
                        out.add(HeaderBlock.builder().text(plain(h.text())).build());
                    } else {
                        split("*" + SlackMarkup.escape(h.text()) + "*", MAX_SECTION).forEach(p -> out.add(section(p)));
                    }
                }
                case Block.Text t -> split(SlackMarkup.render(t.text()), MAX_SECTION).stream().filter(p -> !p.isBlank())
                        .forEach(p -> out.add(section(p)));
                case Block.Fields f -> {
                    List<TextObject> fields = new ArrayList<>();
                    for (Block.Field field : f.fields()) {
                        String value = "*" + SlackMarkup.escape(field.label()) + "*\n" + SlackMarkup.render(field.value());
                        for (String piece : split(value, MAX_FIELD)) {
                            fields.add(MarkdownTextObject.builder().text(piece).build());
                        }
                    }
                    for (int i = 0; i < fields.size(); i += MAX_FIELDS) {
                        out.add(SectionBlock.builder().fields(List.copyOf(fields.subList(i, Math.min(fields.size(), i + MAX_FIELDS))))
                                .build());
                    }
                }
                case Block.Progress p -> out.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                        .text(bar(p)).build())).build());
                case Block.Buttons b -> {
                    // People can type in Slack, so a form offered only instead of typing is left out;
                    // a private form stays, and opens a modal.
                    List<BlockElement> buttons = b.buttons().stream().filter(button -> button.form() != Block.Form.INSTEAD_OF_TYPING)
                            .map(SlackBlocks::button).collect(Collectors.toList());
                    if (buttons.isEmpty()) {
                        continue;
                    }
                    for (int i = 0; i < buttons.size(); i += MAX_BUTTONS) {
                        out.add(ActionsBlock.builder().elements(List.copyOf(buttons.subList(i, Math.min(buttons.size(), i + MAX_BUTTONS))))
                                .build());
                    }
                }
                case Block.Divider ignored -> out.add(DividerBlock.builder().build());
                case Block.Quote q -> {
                    // Split first, then mark every line of every piece, so a long quote stays a quote.
                    String text = SlackMarkup.render(q.text());
                    int lines = (int) text.lines().count();
                    for (String piece : split(text, MAX_SECTION - 2 * Math.max(1, Math.min(lines, MAX_SECTION / 4)))) {
                        String quoted = piece.lines().map(l -> "> " + l).collect(Collectors.joining("\n"));
                        split(quoted, MAX_SECTION).forEach(p -> out.add(section(p)));
                    }
                }
            }
        }
        return out;
    }

    private static BlockElement button(Block.Button b) {
        String label = b.label().length() <= MAX_BUTTON_TEXT ? b.label() : b.label().substring(0, MAX_BUTTON_TEXT - 1) + "\u2026";
        ButtonElement.ButtonElementBuilder button = ButtonElement.builder().text(plain(label))
                .actionId(b.form() == Block.Form.PRIVATE ? SlackForms.actionId(b.action()) : b.action().encode())
                .value(b.typed() == null || b.typed().isBlank() ? null : b.typed()); // Slack refuses an empty value
        return switch (b.style()) {
            case PRIMARY -> button.style("primary").build();
            case DANGER -> button.style("danger").build();
            case DEFAULT -> button.build();
        };
    }

    private static String bar(Block.Progress p) {
        int width = 10;
        int filled = Math.round((float) p.done() / p.total() * width);
        return "`" + "\u25a0".repeat(filled) + "\u25a1".repeat(width - filled) + "`  " + p.done() + "/" + p.total()
                + " done" + (p.label() == null || p.label().isBlank() ? "" : "  \u00b7  " + SlackMarkup.escape(p.label()));
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    /** Splits text to a Slack limit; never between the parts of an escape such as {@code &amp;}. */
    static List<String> split(String text, int limit) {
        return TextPieces.split(text, limit, (rest, cut) -> {
            int amp = rest.lastIndexOf('&', cut - 1);
            return amp >= 0 && amp > cut - 6 && rest.indexOf(';', amp) >= cut;
        });
    }
}
