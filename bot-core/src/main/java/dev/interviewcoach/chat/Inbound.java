package dev.interviewcoach.chat;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Something a person did that the engine must handle. Every event carries the platform's own
 * id for it, so a duplicate delivery is recognised and changes nothing.
 */
public sealed interface Inbound permits Inbound.Command, Inbound.Message, Inbound.Edit, Inbound.Deletion,
        Inbound.Action, Inbound.Submission, Inbound.HomeOpened {

    /** The platform's id for this delivery (Slack event id, Discord interaction id, console counter). */
    String eventId();

    UserRef user();

    Place place();

    Instant receivedAt();

    /** A command: a slash command, a mention of the bot, or a console line such as {@code mock python 5}. */
    record Command(String eventId, UserRef user, Place place, String text, Instant receivedAt) implements Inbound {
        public Command {
            text = StorableText.clean(Objects.requireNonNull(text, "text"));
        }
    }

    /**
     * A message in a conversation the bot owns: a reply in its thread, or a direct message.
     * {@code messageId} is the platform's id of the message itself, when known, so the bot can
     * react to it.
     */
    record Message(String eventId, UserRef user, Place place, String text, String messageId, Instant receivedAt)
            implements Inbound {
        public Message {
            text = StorableText.clean(Objects.requireNonNull(text, "text"));
        }

        public Message(String eventId, UserRef user, Place place, String text, Instant receivedAt) {
            this(eventId, user, place, text, null, receivedAt);
        }

        /** The message itself, for a reaction; empty when the platform did not say. */
        public Optional<MessageRef> ref() {
            return messageId == null ? Optional.empty() : Optional.of(new MessageRef(place, messageId));
        }
    }

    /**
     * A person changed the text of a message they had sent in a conversation the bot owns:
     * {@code messageId} is the platform's id of that message (the same as its {@link Message}'s),
     * {@code text} what it says now. The event id names this edit, not the message.
     */
    record Edit(String eventId, UserRef user, Place place, String messageId, String text, Instant receivedAt)
            implements Inbound {
        public Edit {
            Objects.requireNonNull(messageId, "messageId");
            text = StorableText.clean(Objects.requireNonNull(text, "text"));
        }

        /** The message as it reads now, for the features that take messages. */
        public Message asMessage() {
            return new Message(eventId, user, place, text, messageId, receivedAt);
        }
    }

    /**
     * A message was deleted in a conversation the bot owns: {@code messageId} is the platform's id of that
     * message (the same as its {@link Message}'s). {@code user} is its author when the platform says (Slack,
     * Discord DMs); Discord does not say in a server, so the adapter passes {@link UserRef#unknown}, and a
     * feature finds the author by the message it stored. A direct place with an unknown user is a DM whose person
     * the adapter could not tell (its channel id stands in): only its author can have deleted the message, and a
     * feature finds it by the message id among the platform's direct conversations.
     */
    record Deletion(String eventId, UserRef user, Place place, String messageId, Instant receivedAt) implements Inbound {
        public Deletion {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** A pressed button; {@code message} is the message that carried it, when the platform says. */
    record Action(String eventId, UserRef user, Place place, ActionId action, MessageRef message, Instant receivedAt)
            implements Inbound {}

    /** A person opened the bot's home surface (Slack App Home); the place is their direct conversation. */
    record HomeOpened(String eventId, UserRef user, Place place, Instant receivedAt) implements Inbound {}

    /** A submitted form (Slack modal, Discord modal): the field values by field id. */
    record Submission(String eventId, UserRef user, Place place, ActionId action, Map<String, String> values,
                      Instant receivedAt) implements Inbound {
        public Submission {
            values = values.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> StorableText.clean(e.getValue())));
        }
    }
}
