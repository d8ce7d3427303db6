package dev.interviewcoach.chat;

import java.util.List;
import java.util.Objects;

/** One block of a reply; adapters render each natively (Block Kit, embeds, terminal text). */
public sealed interface Block permits Block.Heading, Block.Text, Block.Fields, Block.Progress, Block.Buttons,
        Block.Divider, Block.Quote {

    record Heading(String text) implements Block {}

    record Text(RichText text) implements Block {}

    /** Label and value pairs shown side by side where the platform can. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, RichText value) {}

    /** How far along something is, such as "question 2 of 5". */
    record Progress(int done, int total, String label) implements Block {
        public Progress {
            if (total <= 0 || done < 0 || done > total) {
                throw new IllegalArgumentException("progress " + done + "/" + total);
            }
        }
    }

    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    /**
     * A button. {@code typed} is the word a person can type instead of pressing it, so
     * text-only surfaces (the console, a DM without components) offer the same moves. A button
     * with a {@link Form} opens a one-field form where the platform has them (a Slack or Discord
     * modal); the text comes back as an {@link dev.interviewcoach.chat.Inbound.Submission} with
     * the value {@link #FORM_FIELD}.
     */
    record Button(String label, ActionId action, Style style, String typed, Form form) {

        /** The field name of a text form's value. */
        public static final String FORM_FIELD = "text";

        public Button {
            Objects.requireNonNull(form, "form");
        }

        public Button(String label, ActionId action, Style style, String typed) {
            this(label, action, style, typed, Form.NONE);
        }

        /** Whether pressing it opens a text form. */
        public boolean opensForm() {
            return form != Form.NONE;
        }
    }

    /** Whether a button opens a text form, and where. */
    enum Form {
        /** A plain button. */
        NONE,
        /** A form for surfaces where people cannot simply type (Discord without the message intent); left out elsewhere. */
        INSTEAD_OF_TYPING,
        /** A private form everywhere it can be shown: what is typed there is not seen by the channel. */
        PRIVATE
    }

    enum Style {
        DEFAULT,
        PRIMARY,
        DANGER
    }

    record Divider() implements Block {}

    record Quote(RichText text) implements Block {}
}
