package dev.interviewcoach.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says: ordered blocks, a plain fallback (notifications, screen readers,
 * text-only surfaces) and who may see it.
 */
public record Reply(List<Block> blocks, String fallback, Visibility visibility) {

    public Reply {
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(visibility, "visibility");
        if (blocks.isEmpty() && fallback.isBlank()) {
            throw new IllegalArgumentException("a reply needs blocks or text");
        }
    }

    public static Reply text(String text) {
        return new Reply(List.of(new Block.Text(RichText.of(text))), text, Visibility.everyone());
    }

    public static Builder builder(String fallback) {
        return new Builder(fallback);
    }

    public Reply onlyTo(UserRef user) {
        return new Reply(blocks, fallback, Visibility.onlyTo(user));
    }

    /** Builds a reply block by block. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private final String fallback;
        private Visibility visibility = Visibility.everyone();

        private Builder(String fallback) {
            this.fallback = fallback;
        }

        public Builder heading(String text) {
            blocks.add(new Block.Heading(text));
            return this;
        }

        public Builder text(RichText text) {
            blocks.add(new Block.Text(text));
            return this;
        }

        public Builder text(String text) {
            return text(RichText.of(text));
        }

        public Builder block(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder divider() {
            blocks.add(new Block.Divider());
            return this;
        }

        public Builder visibleTo(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        public Reply build() {
            return new Reply(blocks, fallback, visibility);
        }
    }
}
