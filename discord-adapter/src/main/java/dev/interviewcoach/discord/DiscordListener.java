package dev.interviewcoach.discord;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.utils.data.DataObject;
import dev.interviewcoach.engine.CoachEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import dev.interviewcoach.command.CommandGrammar;
import dev.interviewcoach.command.OptionSpec;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;

/**
 * Translates Discord events into inbound records and hands them to the engine: acknowledge
 * first (defer) inside Discord's 3 seconds, then queue the work. Decides nothing about coaching.
 */
final class DiscordListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);
    static final String COMMAND = CoachSlashCommand.NAME;

    private final CoachEngine engine;
    private final CoachEngine.Lanes executor;
    private final DiscordChatPort port;
    private final Function<OptionSpec.Suggest, List<String>> suggestions;
    private final Clock clock;
    private final boolean readsMessages;

    DiscordListener(CoachEngine engine, CoachEngine.Lanes executor, DiscordChatPort port,
                    Function<OptionSpec.Suggest, List<String>> suggestions, Clock clock, boolean readsMessages) {
        this.engine = engine;
        this.executor = executor;
        this.port = port;
        this.suggestions = suggestions;
        this.clock = clock;
        this.readsMessages = readsMessages;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        if (!COMMAND.equals(e.getName())) {
            return;
        }
        e.deferReply(true).queue();
        UserRef user = user(e.getUser(), e.getGuild());
        Inbound.Command command = new Inbound.Command("discord:" + e.getId(), user, place(e.getChannel(), e.getGuild(), user),
                commandText(engine.grammar(), e.getSubcommandGroup(), e.getSubcommandName(), e.getOptions()), clock.instant());
        dispatch(command, new InteractionPort(port, e.getHook(), user, e.getMember(), true));
    }

    /** {@code /coach daily subscribe track:sql mode:sealed} as the words the engine reads: {@code daily subscribe sql sealed}. */
    static String commandText(CommandGrammar grammar, String group, String subcommand, List<OptionMapping> options) {
        Map<String, String> given = new LinkedHashMap<>();
        for (OptionMapping option : options) {
            given.put(option.getName(), option.getAsString());
        }
        return CoachSlashCommand.words(grammar, group, subcommand, given);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
        if (!COMMAND.equals(e.getName())) {
            return;
        }
        Optional<OptionSpec> option = CoachSlashCommand.option(engine.grammar(), e.getSubcommandGroup(),
                e.getSubcommandName(), e.getFocusedOption().getName());
        if (option.isEmpty() || option.get().suggest() == OptionSpec.Suggest.NONE) {
            return;
        }
        String typed = e.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        e.replyChoiceStrings(suggestions.apply(option.get().suggest()).stream().filter(t -> t.contains(typed)).limit(25)
                .toList()).queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        String id = e.getComponentId();
        UserRef user = user(e.getUser(), e.getGuild());
        if (id.startsWith(DiscordMessages.FORM_PREFIX)) {
            // A form must be the immediate answer to the click: no time to queue work first.
            TextInput input = TextInput.create(Block.Button.FORM_FIELD, TextInputStyle.PARAGRAPH)
                    .setRequired(true).setMinLength(1).setMaxLength(4000).build();
            // The clicked button is known only when the message came with its components.
            String title = e.getButton() == null || e.getButton().getLabel() == null ? "Answer" : e.getButton().getLabel();
            e.replyModal(Modal.create(id, title.length() > 45 ? title.substring(0, 45) : title)
                    .addComponents(Label.of("Your answer", input)).build()).queue();
            return;
        }
        Optional<ActionId> action = ActionId.parse(id);
        if (action.isEmpty()) {
            e.reply("That button is no longer in use.").setEphemeral(true).queue();
            return;
        }
        e.deferEdit().queue();
        Place place = place(e.getChannel(), e.getGuild(), user);
        dispatch(new Inbound.Action("discord:" + e.getId(), user, place, action.get(),
                new MessageRef(place, e.getMessageId()), clock.instant()),
                new InteractionPort(port, e.getHook(), user, e.getMember(), false));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent e) {
        if (!e.getModalId().startsWith(DiscordMessages.FORM_PREFIX)) {
            return;
        }
        Optional<ActionId> action = ActionId.parse(e.getModalId().substring(DiscordMessages.FORM_PREFIX.length()));
        if (action.isEmpty()) {
            e.reply("That form is no longer in use.").setEphemeral(true).queue();
            return;
        }
        // A form opened from a button on a message is acknowledged as an update of that message, which shows
        // nothing: the answer's reply goes to the channel, and a "thinking..." reply would cost a call to delete.
        boolean fromMessage = e.getMessage() != null;
        if (fromMessage) {
            e.deferEdit().queue();
        } else {
            e.deferReply(true).queue();
        }
        UserRef user = user(e.getUser(), e.getGuild());
        ModalMapping value = e.getValue(Block.Button.FORM_FIELD);
        dispatch(new Inbound.Submission("discord:" + e.getId(), user, place(e.getChannel(), e.getGuild(), user), action.get(),
                Map.of(Block.Button.FORM_FIELD, value == null ? "" : value.getAsString()), clock.instant()),
                new InteractionPort(port, e.getHook(), user, e.getMember(), !fromMessage));
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent e) {
        if (!fromAPerson(e.getMessage())) {
            return;
        }
        String text = e.getMessage().getContentRaw();
        if (text.isBlank()) {
            return; // without the Message Content intent guild messages arrive empty; the Answer button covers it
        }
        UserRef user = user(e.getAuthor(), e.isFromGuild() ? e.getGuild() : null);
        boolean taken = true;
        if (!e.isFromGuild()) {
            taken = dispatch(new Inbound.Message("discord:" + e.getMessageId(), user, DiscordChatPort.directPlace(user.userId()),
                    text, e.getMessageId(), clock.instant()), port);
        } else if (e.getChannelType() == ChannelType.GUILD_PRIVATE_THREAD
                || e.getChannelType() == ChannelType.GUILD_PUBLIC_THREAD) {
            taken = dispatch(new Inbound.Message("discord:" + e.getMessageId(), user, place(e.getChannel(), e.getGuild(), user),
                    text, e.getMessageId(), clock.instant()), port);
        } else if (e.getMessage().getMentions().isMentioned(e.getJDA().getSelfUser())) {
            String words = text.replaceAll("<@!?" + e.getJDA().getSelfUser().getId() + ">", "").strip();
            taken = dispatch(new Inbound.Command("discord:" + e.getMessageId(), user, place(e.getChannel(), e.getGuild(), user),
                    words, clock.instant()), port);
        }
        if (!taken) {
            // Discord does not deliver a message again, so the person must know to resend it.
            e.getMessage().reply(BUSY).mentionRepliedUser(false).queue(ok -> { }, failed -> { });
        }
    }

    /** Bots (this one too), webhooks, system notices and other message types are never answers. */
    private static boolean fromAPerson(Message m) {
        return !m.getAuthor().isBot() && !m.getAuthor().isSystem() && !m.isWebhookMessage()
                && (m.getType() == MessageType.DEFAULT || m.getType() == MessageType.INLINE_REPLY);
    }

    /**
     * A person's edit of a message in a DM or a thread (an answer is scored again: to a question of the day
     * before the reveal, the latest in an interview). Discord sends the whole message again, so the event is the
     * message's id and the time of this edit.
     */
    @Override
    public void onMessageUpdate(MessageUpdateEvent e) {
        if (!fromAPerson(e.getMessage())) {
            return;
        }
        String text = e.getMessage().getContentRaw();
        boolean inThread = e.isFromGuild() && (e.getChannelType() == ChannelType.GUILD_PRIVATE_THREAD
                || e.getChannelType() == ChannelType.GUILD_PUBLIC_THREAD);
        if (text.isBlank() || (e.isFromGuild() && !inThread)) {
            return;
        }
        UserRef user = user(e.getAuthor(), e.isFromGuild() ? e.getGuild() : null);
        Instant edited = e.getMessage().getTimeEdited() == null ? clock.instant() : e.getMessage().getTimeEdited().toInstant();
        Place place = e.isFromGuild() ? place(e.getChannel(), e.getGuild(), user) : DiscordChatPort.directPlace(user.userId());
        if (!dispatch(new Inbound.Edit("discord-edit:" + e.getMessageId() + ":" + edited.toEpochMilli(), user, place,
                e.getMessageId(), text, clock.instant()), port)) {
            e.getMessage().reply(BUSY).mentionRepliedUser(false).queue(ok -> { }, failed -> { });
        }
    }

    /**
     * A deleted message in a thread or a DM (an answer to a question of the day is withdrawn before the reveal, an
     * interview's answer is taken back). Discord does not say who wrote it: in a thread the event names no one and
     * the engine finds the author by the message it stored; in a DM only the person can have deleted their message.
     */
    @Override
    public void onMessageDelete(MessageDeleteEvent e) {
        if (e.getChannelType() == ChannelType.PRIVATE) {
            User person = e.getChannel().asPrivateChannel().getUser();
            if (person == null) {
                deletedInAnUnknownDm(e.getChannel().getId(), e.getMessageId());
            } else {
                UserRef user = user(person, null);
                dispatch(new Inbound.Deletion("discord-delete:" + e.getMessageId(), user,
                        DiscordChatPort.directPlace(user.userId()), e.getMessageId(), clock.instant()), port);
            }
            return;
        }
        boolean inThread = e.isFromGuild() && (e.getChannelType() == ChannelType.GUILD_PRIVATE_THREAD
                || e.getChannelType() == ChannelType.GUILD_PUBLIC_THREAD);
        if (!inThread) {
            return; // a channel's own messages hold no answer a deletion could take back
        }
        UserRef someone = UserRef.unknown(Platform.DISCORD, e.getGuild().getId());
        dispatch(new Inbound.Deletion("discord-delete:" + e.getMessageId(), someone, place(e.getChannel(), e.getGuild(),
                someone), e.getMessageId(), clock.instant()), port);
    }

    /**
     * A message deleted in a DM this process has not seen since it started: JDA holds such a deletion back until it
     * learns of the channel (which may be never), so it is read here from the gateway's own event.
     */
    @Override
    public void onRawGateway(RawGatewayEvent e) {
        if (!"MESSAGE_DELETE".equals(e.getType())) {
            return;
        }
        DataObject deleted = e.getPayload();
        if (!deleted.isNull("guild_id") || !deleted.hasKey("channel_id") || !deleted.hasKey("id")) {
            return;
        }
        String channelId = deleted.getString("channel_id");
        if (e.getJDA().getChannelById(MessageChannel.class, channelId) == null) {
            deletedInAnUnknownDm(channelId, deleted.getString("id"));
        }
    }

    /**
     * Only its author can delete a person's message in a DM with the bot, so it is theirs; whose DM it was is not
     * known here, and the engine finds the answer by the message's id.
     */
    private void deletedInAnUnknownDm(String channelId, String messageId) {
        dispatch(new Inbound.Deletion("discord-delete:" + messageId, UserRef.unknown(Platform.DISCORD, DiscordChatPort.DM_TENANT),
                Place.direct(Platform.DISCORD, DiscordChatPort.DM_TENANT, "dm-channel-" + channelId), messageId,
                clock.instant()), port);
    }

    static final String BUSY = "I'm swamped right now and could not take that; please send it again in a minute."
            + " Nothing was scored.";

    /** Queues an event for the engine; false (after telling the person, for interactions) when it is too busy. */
    private boolean dispatch(Inbound inbound, ChatPort replies) {
        try {
            if (!engine.receive(inbound)) {
                return true; // recorded before: handled, or waiting in a lane already
            }
        } catch (RuntimeException e) {
            // Discord does not deliver anything again: the person must know to send it again.
            log.error("could not record {} from {}: {}", inbound.getClass().getSimpleName(), inbound.place().key(),
                    e.toString());
            if (replies instanceof InteractionPort interaction) {
                interaction.refuse(BUSY);
            }
            return false;
        }
        boolean queued = executor.submit(CoachEngine.conversationKey(inbound), CoachEngine.size(inbound), () -> {
            try {
                engine.handle(inbound, executor.portFor(replies));
            } finally {
                if (replies instanceof InteractionPort interaction) {
                    interaction.finish();
                }
            }
        });
        if (!queued) {
            engine.refuse(inbound);
            log.warn("engine busy: could not queue {} from {}", inbound.getClass().getSimpleName(), inbound.place().key());
            if (replies instanceof InteractionPort interaction) {
                interaction.refuse(BUSY);
            }
        }
        return queued;
    }

    boolean readsMessages() {
        return readsMessages;
    }

    static UserRef user(User user, Guild guild) {
        return new UserRef(Platform.DISCORD, guild == null ? DiscordChatPort.DM_TENANT : guild.getId(), user.getId());
    }

    static Place place(MessageChannel channel, Guild guild, UserRef user) {
        if (guild == null) {
            return DiscordChatPort.directPlace(user.userId());
        }
        if (channel instanceof ThreadChannel thread) {
            return Place.channel(Platform.DISCORD, guild.getId(), thread.getParentChannel().getId()).thread(thread.getId());
        }
        return Place.channel(Platform.DISCORD, guild.getId(), channel.getId());
    }
}
