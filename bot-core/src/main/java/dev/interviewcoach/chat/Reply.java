package dev.interviewcoach.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says: ordered blocks, a plain fallback (notifications, screen readers,
 * text-only surfaces), who may see it, and files that go with it (a chart), sent after the words.
 */
public record Reply(List<Block> blocks, String fallback, Visibility visibility, List<Attachment> attachments) {

    public Reply {
        blocks = List.copyOf(blocks);
        // Replies stored before attachments existed read back without them.
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(visibility, "visibility");
        if (blocks.isEmpty() && fallback.isBlank()) {
            throw new IllegalArgumentException("a reply needs blocks or text");
        }
    }

    /** A reply without files. */
    public Reply(List<Block> blocks, String fallback, Visibility visibility) {
        this(blocks, fallback, visibility, List.of());
    }

    public static Reply text(String text) {
        return new Reply(List.of(new Block.Text(RichText.of(text))), text, Visibility.everyone());
    }

    public static Builder builder(String fallback) {
        return new Builder(fallback);
    }

    public Reply onlyTo(UserRef user) {
        return new Reply(blocks, fallback, Visibility.onlyTo(user), attachments);
    }

    /** The same words without the files: what surfaces that send files separately post first. */
    public Reply withoutAttachments() {
        return attachments.isEmpty() ? this : new Reply(blocks, fallback, visibility);
    }

    /** The same reply with one more file. */
    public Reply attach(Attachment attachment) {
        List<Attachment> all = new ArrayList<>(attachments);
        all.add(attachment);
        return new Reply(blocks, fallback, visibility, all);
    }

    /**
     * This reply and then {@code next} as one message: a divider between them (one already at the
     * seam is not doubled), the fallbacks as paragraphs in the same order. One message is one call
     * to the platform instead of two, which matters where a channel takes about a message a second.
     * Both must be meant for the same people.
     */
    public Reply followedBy(Reply next) {
        if (!visibility.equals(next.visibility())) {
            throw new IllegalArgumentException("only replies seen by the same people go in one message");
        }
        List<Block> joined = new ArrayList<>(blocks);
        boolean seamHasDivider = (!blocks.isEmpty() && blocks.getLast() instanceof Block.Divider)
                || (!next.blocks().isEmpty() && next.blocks().getFirst() instanceof Block.Divider);
        if (!blocks.isEmpty() && !next.blocks().isEmpty() && !seamHasDivider) {
            joined.add(new Block.Divider());
        }
        joined.addAll(next.blocks());
        String text = fallback.isBlank() ? next.fallback()
                : next.fallback().isBlank() ? fallback : fallback + PARAGRAPH + next.fallback();
        return new Reply(joined, text, visibility);
    }

    /** What separates the fallbacks of replies joined by {@link #followedBy}. */
    public static final String PARAGRAPH = "\n\n";

    /** Builds a reply block by block. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private final String fallback;
        private Visibility visibility = Visibility.everyone();
        private final List<Attachment> attachments = new ArrayList<>();

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

        /** Sends a file with the reply. */
        public Builder attach(Attachment attachment) {
            attachments.add(attachment);
            return this;
        }

        public Reply build() {
            return new Reply(blocks, fallback, visibility, attachments);
        }
    }
}
