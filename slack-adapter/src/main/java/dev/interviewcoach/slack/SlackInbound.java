package dev.interviewcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Slack payloads as the engine's inbound records; nothing here decides anything about coaching. */
final class SlackInbound {

    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>[:,]?\\s*");

    private SlackInbound() {
    }

    /** Slack's channel ids say what a conversation is: D for a direct message. */
    static Place place(String team, String channel, String threadTs) {
        if (channel.startsWith("D")) {
            return new Place(Platform.SLACK, team, channel, threadTs, Place.Kind.DIRECT);
        }
        return threadTs == null || threadTs.isBlank() ? Place.channel(Platform.SLACK, team, channel)
                : Place.channel(Platform.SLACK, team, channel).thread(threadTs);
    }

    static Inbound.Command command(SlashCommandPayload p, Instant now) {
        return new Inbound.Command("slash:" + p.getTriggerId(), new UserRef(Platform.SLACK, p.getTeamId(), p.getUserId()),
                place(p.getTeamId(), p.getChannelId(), null), p.getText() == null ? "" : p.getText(), now);
    }

    static Inbound.Command mention(String eventId, String team, AppMentionEvent e, Instant now) {
        String text = LEADING_MENTION.matcher(e.getText() == null ? "" : e.getText()).replaceFirst("");
        return new Inbound.Command(eventId, new UserRef(Platform.SLACK, team, e.getUser()),
                place(team, e.getChannel(), e.getThreadTs()), text, now);
    }

    /**
     * A message the engine should see: a DM, a message in a group DM the bot is in (a peer pair's),
     * or a reply in a thread. Messages from bots (this one included), and top-level channel
     * chatter, are not for the coach.
     */
    static Optional<Inbound.Message> message(String eventId, String team, MessageEvent e, String botUserId, Instant now) {
        if (e.getBotId() != null) {
            return Optional.empty();
        }
        return message(eventId, team, e.getUser(), e.getChannel(), e.getChannelType(), e.getThreadTs(), e.getTs(),
                e.getText(), botUserId, now);
    }

    /**
     * A message sent with a file attached: its text is read as any message's (an answer typed with a screenshot is
     * still an answer); the file is not. One with no text says nothing the coach can read.
     */
    static Optional<Inbound.Message> fileShare(String eventId, String team, MessageFileShareEvent e, String botUserId,
                                               Instant now) {
        if (e.getText() == null || e.getText().isBlank()) {
            return Optional.empty();
        }
        return message(eventId, team, e.getUser(), e.getChannel(), e.getChannelType(), e.getThreadTs(), e.getTs(),
                e.getText(), botUserId, now);
    }

    /**
     * A reply in a thread also sent to the channel ("Also send to #channel"): still a reply in its thread, so an
     * answer to a question of the day or in an interview, said a little louder.
     */
    static Optional<Inbound.Message> threadBroadcast(String eventId, String team, MessageThreadBroadcastEvent e,
                                                     String botUserId, Instant now) {
        return message(eventId, team, e.getUser(), e.getChannel(), e.getChannelType(), e.getThreadTs(), e.getTs(),
                e.getText(), botUserId, now);
    }

    /**
     * A person's edit of a message they sent where the coach listens (a reply in a thread, a DM). Edits of
     * bots' messages (ours: a question's buttons greyed out, a thread's reply count) are not a person's.
     */
    static Optional<Inbound.Edit> edit(String eventId, String team, MessageChangedEvent e, String botUserId,
                                       Instant now) {
        MessageChangedEvent.Message m = e.getMessage();
        if (m == null || m.getBotId() != null || m.getTs() == null) {
            return Optional.empty();
        }
        return message(eventId, team, m.getUser(), e.getChannel(), e.getChannelType(), m.getThreadTs(), m.getTs(),
                m.getText(), botUserId, now)
                .map(typed -> new Inbound.Edit(eventId, typed.user(), typed.place(), m.getTs(), typed.text(), now));
    }

    /**
     * A person's deletion of a message they sent where the coach listens (an answer to a question of the day is
     * withdrawn). Slack names the author in the message as it was; bots' deletions are not a person's.
     */
    static Optional<Inbound.Deletion> deletion(String eventId, String team, MessageDeletedEvent e, String botUserId,
                                               Instant now) {
        MessageDeletedEvent.Message m = e.getPreviousMessage();
        String ts = m == null || m.getTs() == null ? e.getDeletedTs() : m.getTs();
        if (m == null || m.getBotId() != null || ts == null) {
            return Optional.empty();
        }
        return message(eventId, team, m.getUser(), e.getChannel(), e.getChannelType(), m.getThreadTs(), ts, "",
                botUserId, now)
                .map(typed -> new Inbound.Deletion(eventId, typed.user(), typed.place(), ts, now));
    }

    private static Optional<Inbound.Message> message(String eventId, String team, String user, String channel,
                                                     String channelType, String threadTs, String ts, String typed,
                                                     String botUserId, Instant now) {
        if (user == null || user.equals(botUserId)) {
            return Optional.empty();
        }
        boolean direct = "im".equals(channelType) || channel.startsWith("D");
        boolean inThread = threadTs != null && !threadTs.equals(ts);
        boolean group = "mpim".equals(channelType);
        if (!direct && !inThread && !group) {
            return Optional.empty();
        }
        String text = typed == null ? "" : typed;
        if (!direct && botUserId != null && text.contains("<@" + botUserId + ">")) {
            return Optional.empty(); // the same message arrives as an app_mention, handled as a command
        }
        // The message's own ts is its id, so the bot can react to it.
        return Optional.of(new Inbound.Message(eventId, new UserRef(Platform.SLACK, team, user),
                place(team, channel, inThread ? threadTs : null), SlackText.plain(text), ts, now));
    }

    /** A pressed button of ours, or empty for someone else's action id. */
    static Optional<Inbound.Action> action(BlockActionPayload p, Place place, Instant now) {
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return Optional.empty();
        }
        BlockActionPayload.Action pressed = p.getActions().getFirst();
        return ActionId.parse(pressed.getActionId()).map(id -> new Inbound.Action(
                "action:" + p.getTriggerId(), new UserRef(Platform.SLACK, p.getTeam().getId(), p.getUser().getId()),
                place, id, messageTs(p).map(ts -> new MessageRef(place, ts)).orElse(null), now));
    }

    /**
     * A sent form. A modal is submitted once and then closes, so its view id names the delivery;
     * the text comes back under {@link Block.Button#FORM_FIELD}, as the engine expects.
     */
    static Inbound.Submission submission(String viewId, UserRef user, Place place, ActionId action, String text,
                                         Instant now) {
        return new Inbound.Submission("slack:view:" + viewId, user, place, action,
                Map.of(Block.Button.FORM_FIELD, text), now);
    }

    /** Where a button was pressed; empty for the App Home, which has no channel. */
    static Optional<Place> actionPlace(BlockActionPayload p) {
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() != null ? p.getContainer().getChannelId() : null;
        if (channel == null) {
            return Optional.empty();
        }
        String threadTs = p.getMessage() != null ? p.getMessage().getThreadTs()
                : p.getContainer() != null ? p.getContainer().getThreadTs() : null;
        return Optional.of(place(p.getTeam().getId(), channel, threadTs));
    }

    private static Optional<String> messageTs(BlockActionPayload p) {
        if (p.getContainer() != null && p.getContainer().getMessageTs() != null) {
            return Optional.of(p.getContainer().getMessageTs());
        }
        return Optional.ofNullable(p.getMessage()).map(m -> m.getTs());
    }
}
