package dev.interviewcoach.discord;

import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.TextPieces;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import java.util.LinkedHashSet;

/**
 * A reply as Discord messages: one embed per part (title from the heading, the text as its
 * description, fields side by side, progress in the footer) and buttons in rows of five. Text
 * past Discord's limits (4,096 a description, 6,000 an embed, 1,024 a field) goes into more
 * embeds and more messages, never cut. Only mentions the bot chose may notify anyone.
 */
final class DiscordMessages {

    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_EMBED_TOTAL = 6000;
    static final int MAX_FIELD_VALUE = 1024;
    static final int MAX_FIELDS = 25;
    static final int MAX_BUTTONS_PER_ROW = 5;
    static final int MAX_ROWS = 5;
    static final int MAX_CONTENT = 2000;
    static final int MAX_TITLE = 256;
    static final int MAX_LABEL = 80;
    /** The prefix of a button that opens a text form rather than acting at once. */
    static final String FORM_PREFIX = "form|";
    private static final Color ACCENT = new Color(0x2c, 0x3e, 0x50);

    private DiscordMessages() {
    }

    static List<MessageCreateData> render(Reply reply) {
        List<MessageEmbed> embeds = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        EmbedPart part = new EmbedPart();
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Heading h -> {
                    if (part.hasContent()) {
                        embeds.addAll(part.build());
                        part = new EmbedPart();
                    }
                    part.title = h.text().length() <= MAX_TITLE ? h.text() : null;
                    if (part.title == null) {
                        part.addText("**" + DiscordMarkdown.escape(h.text()) + "**");
                    }
                }
                case Block.Text t -> part.addText(DiscordMarkdown.render(t.text()));
                case Block.Quote q -> part.addText(DiscordMarkdown.render(q.text()).lines().map(l -> "> " + l)
                        .collect(Collectors.joining("\n")));
                case Block.Fields f -> {
                    for (Block.Field field : f.fields()) {
                        part.fields.add(new FieldText(clip(field.label(), MAX_TITLE), DiscordMarkdown.render(field.value())));
                    }
                }
                case Block.Progress p -> part.footer = bar(p);
                case Block.Buttons b -> b.buttons().forEach(button -> buttons.add(button(button)));
                case Block.Divider ignored -> {
                    if (part.hasContent()) {
                        embeds.addAll(part.build());
                        part = new EmbedPart();
                    }
                }
            }
        }
        embeds.addAll(part.build());

        List<MessageCreateData> messages = new ArrayList<>();
        List<MessageEmbed> current = new ArrayList<>();
        int total = 0;
        for (MessageEmbed embed : embeds) {
            int size = embed.getLength();
            if (!current.isEmpty() && (current.size() == 10 || total + size > MAX_EMBED_TOTAL)) {
                messages.add(message(current, List.of(), Set.of()));
                current = new ArrayList<>();
                total = 0;
            }
            current.add(embed);
            total += size;
        }
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size() && rows.size() < MAX_ROWS; i += MAX_BUTTONS_PER_ROW) {
            rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + MAX_BUTTONS_PER_ROW))));
        }
        Set<String> mentioned = mentions(reply);
        if (current.isEmpty() && rows.isEmpty()) {
            for (String piece : split(DiscordMarkdown.escape(reply.fallback()), MAX_CONTENT)) {
                messages.add(new MessageCreateBuilder().setContent(piece).setAllowedMentions(List.of()).build());
            }
            return messages;
        }
        messages.add(message(current, rows, mentioned));
        return messages;
    }

    private static MessageCreateData message(List<MessageEmbed> embeds, List<ActionRow> rows, Set<String> mentioned) {
        MessageCreateBuilder builder = new MessageCreateBuilder().setEmbeds(embeds).setAllowedMentions(List.of());
        if (!rows.isEmpty()) {
            builder.setComponents(rows);
        }
        if (!mentioned.isEmpty()) {
            // Embeds never notify; a mention the bot chose goes in the content, allowed for that person only.
            builder.setContent(mentioned.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(" ")));
            builder.mentionUsers(mentioned);
        }
        return builder.build();
    }

    /** People the bot itself chose to mention in this reply. */
    static Set<String> mentions(Reply reply) {
        Set<String> ids = new LinkedHashSet<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Text t) {
                for (RichText.Span span : t.text().spans()) {
                    if (span instanceof RichText.Mention m) {
                        ids.add(m.user().userId());
                    }
                }
            }
        }
        return ids;
    }

    private static Button button(Block.Button b) {
        String label = clip(b.label(), MAX_LABEL);
        String id = (b.opensForm() ? FORM_PREFIX : "") + b.action().encode();
        return switch (b.style()) {
            case PRIMARY -> Button.primary(id, label);
            case DANGER -> Button.danger(id, label);
            case DEFAULT -> Button.secondary(id, label);
        };
    }

    private static String bar(Block.Progress p) {
        int width = 10;
        int filled = Math.round((float) p.done() / p.total() * width);
        return "\u25a0".repeat(filled) + "\u25a1".repeat(width - filled) + "  " + p.done() + "/" + p.total() + " done"
                + (p.label() == null || p.label().isBlank() ? "" : "  \u00b7  " + p.label());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** Splits text to a Discord limit; a piece never ends on the backslash of an escape. */
    static List<String> split(String text, int limit) {
        return TextPieces.split(text, limit, (rest, cut) -> rest.charAt(cut - 1) == '\\');
    }

    /** A field before it is fitted to Discord's limits. */
    private record FieldText(String name, String value) {}

    /** One embed's worth of content being gathered; overflowing text spills into more embeds. */
    private static final class EmbedPart {
        String title;
        String footer;
        final StringBuilder text = new StringBuilder();
        final List<FieldText> fields = new ArrayList<>();

        void addText(String more) {
            if (more.isBlank()) {
                return;
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(more);
        }

        boolean hasContent() {
            return title != null || !text.isEmpty() || !fields.isEmpty() || footer != null;
        }

        List<MessageEmbed> build() {
            List<MessageEmbed> out = new ArrayList<>();
            if (!hasContent()) {
                return out;
            }
            List<String> pieces = text.isEmpty() ? List.of("") : split(text.toString(), MAX_DESCRIPTION);
            List<MessageEmbed.Field> safeFields = new ArrayList<>();
            for (FieldText f : fields) {
                List<String> values = split(f.value().isEmpty() ? "\u200b" : f.value(), MAX_FIELD_VALUE);
                for (int i = 0; i < values.size(); i++) {
                    safeFields.add(new MessageEmbed.Field(i == 0 ? f.name() : clip(f.name() + " (more)", MAX_TITLE),
                            values.get(i), true));
                }
            }
            for (int i = 0; i < pieces.size(); i++) {
                EmbedBuilder embed = new EmbedBuilder().setColor(ACCENT);
                if (i == 0 && title != null) {
                    embed.setTitle(title);
                }
                if (!pieces.get(i).isEmpty()) {
                    embed.setDescription(pieces.get(i));
                }
                boolean last = i == pieces.size() - 1;
                if (last) {
                    for (int f = 0; f < safeFields.size(); f++) {
                        if (f > 0 && f % MAX_FIELDS == 0) {
                            out.add(embed.build());
                            embed = new EmbedBuilder().setColor(ACCENT);
                        }
                        embed.addField(safeFields.get(f));
                    }
                    if (footer != null) {
                        embed.setFooter(footer);
                    }
                }
                if (embed.isEmpty()) {
                    continue;
                }
                out.add(embed.build());
            }
            return out;
        }
    }
}
