package dev.interviewcoach.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Place;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Slack side of a private form: a button marked so that a click opens a one-field modal
 * instead of going to the engine, and a modal that carries where it was opened, so its
 * submission reaches the engine as if the person had answered where the button was.
 */
final class SlackForms {

    /** Marks a button's action id as opening a form; Slack hands the id back on the click. */
    static final String PREFIX = "form:";
    /** Matches the clicks of form buttons, and only those. */
    static final Pattern CLICK = Pattern.compile("^" + Pattern.quote(PREFIX) + "coach:.*");
    static final String CALLBACK_ID = "coach_form";
    /** The input block; errors shown in the modal are attached to it. */
    static final String BLOCK_ID = "coach_form_text";

    static final int MAX_TITLE = 24;
    static final int MAX_LABEL = 2000;
    static final int MAX_INPUT = 3000;
    private static final String DEFAULT_TITLE = "Your answer";
    private static final String HINT = "Only you and the coach see what you write here.";

    // Slack ids are capitals and digits; a ts is seconds.micros. Anything else was not written by us.
    private static final Pattern TEAM = Pattern.compile("[A-Z0-9]+");
    private static final Pattern CHANNEL = Pattern.compile("[A-Z0-9]*");
    private static final Pattern TS = Pattern.compile("(\\d+\\.\\d+)?");
    private static final String VERSION = "v1";

    private SlackForms() {
    }

    /** The action id a private-form button carries. */
    static String actionId(ActionId action) {
        return PREFIX + action.encode();
    }

    /** The action behind a clicked form button; empty when the id is not one of ours. */
    static Optional<ActionId> clicked(String actionId) {
        if (actionId == null || !actionId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return ActionId.parse(actionId.substring(PREFIX.length()));
    }

    /**
     * Where a form was opened and what it is for: carried in the modal's private_metadata, since
     * a view_submission says nothing about the channel the button was in. No channel means the
     * button was on the App Home.
     */
    record Origin(ActionId action, String team, Optional<String> channel, Optional<String> threadTs) {

        static Origin of(ActionId action, String team, Optional<Place> place) {
            return new Origin(action, team, place.map(Place::channelId), place.map(Place::threadId));
        }

        String encode() {
            return String.join("|", VERSION, action.encode(), team, channel.orElse(""), threadTs.orElse(""));
        }

        /** Reads what {@link #encode()} wrote; empty for anything else. */
        static Optional<Origin> parse(String metadata) {
            if (metadata == null) {
                return Optional.empty();
            }
            String[] parts = metadata.split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals(VERSION) || !TEAM.matcher(parts[2]).matches()
                    || !CHANNEL.matcher(parts[3]).matches() || !TS.matcher(parts[4]).matches()) {
                return Optional.empty();
            }
            if (parts[3].isEmpty() && !parts[4].isEmpty()) {
                return Optional.empty(); // a thread needs its channel
            }
            return ActionId.parse(parts[1]).map(action -> new Origin(action, parts[2],
                    Optional.of(parts[3]).filter(s -> !s.isEmpty()), Optional.of(parts[4]).filter(s -> !s.isEmpty())));
        }

        /** The place the form was opened in; empty for the App Home. */
        Optional<Place> place() {
            return channel.map(c -> SlackInbound.place(team, c, threadTs.orElse(null)));
        }
    }

    /** The modal for a form button: one multiline field, titled after the button. */
    static View modal(String buttonLabel, Origin origin) {
        String label = buttonLabel == null || buttonLabel.isBlank() ? DEFAULT_TITLE : buttonLabel.strip();
        PlainTextInputElement input = PlainTextInputElement.builder()
                .actionId(Block.Button.FORM_FIELD)
                .multiline(true)
                .minLength(1)
                .maxLength(MAX_INPUT)
                .build();
        InputBlock field = InputBlock.builder()
                .blockId(BLOCK_ID)
                .label(plain(clip(label, MAX_LABEL)))
                .hint(plain(HINT))
                .element(input)
                .build();
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder().type("plain_text").text(clip(label, MAX_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text("Send").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(origin.encode())
                .blocks(List.of(field))
                .build();
    }

    /** What was typed into the form's field, found by its action id wherever its block is. */
    static Optional<String> typed(ViewState state) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        for (Map<String, ViewState.Value> block : state.getValues().values()) {
            ViewState.Value value = block == null ? null : block.get(Block.Button.FORM_FIELD);
            if (value != null) {
                return Optional.of(value.getValue() == null ? "" : value.getValue());
            }
        }
        return Optional.empty();
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never leave half an emoji behind
        }
        return text.substring(0, end) + "\u2026";
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
