package dev.interviewcoach.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Formatted text in a platform-neutral form. Every string inside is literal: each adapter
 * escapes it for its own markup, so text a person wrote can never ping a channel, forge a
 * link or break the formatting around it.
 */
public record RichText(List<Span> spans) {

    /** One piece of formatted text. */
    public sealed interface Span permits Plain, Bold, Italic, Code, Link, Mention, ChannelLink, LineBreak, CodeBlock, Bullets, Quoted {}

    public record Plain(String text) implements Span {}

    public record Bold(String text) implements Span {}

    public record Italic(String text) implements Span {}

    /** Inline code. */
    public record Code(String text) implements Span {}

    /** A link the bot made; the url is never taken from a person's text. */
    public record Link(String label, String url) implements Span {}

    /** A mention of a person that the bot chose to make, such as the owner of a new thread. */
    public record Mention(UserRef user) implements Span {}

    /** A link to a channel of the same workspace or server, shown by its name where the platform can. */
    public record ChannelLink(Place channel) implements Span {}

    public record LineBreak() implements Span {}

    public record CodeBlock(String code) implements Span {}

    /** A bulleted list; each item is rich text of its own. */
    public record Bullets(List<RichText> items) implements Span {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** Quoted text, such as a person's own answer shown back to them. */
    public record Quoted(RichText text) implements Span {}

    public RichText {
        spans = List.copyOf(spans);
    }

    public static RichText of(String plain) {
        return new RichText(List.of(new Plain(plain)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** The text without formatting, for fallbacks, logs of shape and the console. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            switch (span) {
                case Plain p -> out.append(p.text());
                case Bold b -> out.append(b.text());
                case Italic i -> out.append(i.text());
                case Code c -> out.append(c.text());
                case Link l -> out.append(l.label()).append(" (").append(l.url()).append(')');
                case Mention m -> out.append('@').append(m.user().userId());
                case ChannelLink c -> out.append('#').append(c.channel().channelId());
                case LineBreak ignored -> out.append('\n');
                case CodeBlock c -> out.append('\n').append(c.code()).append('\n');
                case Bullets b -> b.items().forEach(item -> out.append("\n- ").append(item.plainText()));
                case Quoted q -> out.append("\n> ").append(q.text().plainText().replace("\n", "\n> "));
            }
        }
        return out.toString();
    }

    /** Builds rich text piece by piece. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder plain(String text) {
            spans.add(new Plain(text));
            return this;
        }

        public Builder bold(String text) {
            spans.add(new Bold(text));
            return this;
        }

        public Builder italic(String text) {
            spans.add(new Italic(text));
            return this;
        }

        public Builder code(String text) {
            spans.add(new Code(text));
            return this;
        }

        public Builder link(String label, String url) {
            spans.add(new Link(label, url));
            return this;
        }

        public Builder mention(UserRef user) {
            spans.add(new Mention(user));
            return this;
        }

        /** Links to a channel ({@code #prep-leads}). */
        public Builder channel(Place channel) {
            spans.add(new ChannelLink(channel));
            return this;
        }

        public Builder lineBreak() {
            spans.add(new LineBreak());
            return this;
        }

        public Builder codeBlock(String code) {
            spans.add(new CodeBlock(code));
            return this;
        }

        public Builder bullets(List<RichText> items) {
            spans.add(new Bullets(items));
            return this;
        }

        public Builder quoted(RichText text) {
            spans.add(new Quoted(text));
            return this;
        }

        public RichText build() {
            return new RichText(spans);
        }
    }
}
