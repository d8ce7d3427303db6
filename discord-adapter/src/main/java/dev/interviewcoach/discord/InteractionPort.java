package dev.interviewcoach.discord;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.RejectedExecutionException;

/**
 * The chat port for the length of one interaction: replies meant only for the person who acted
 * go back through the interaction, ephemeral (only they see them); everything else goes to the
 * channel as usual. A deferred reply that nothing used is deleted, so no "thinking..." lingers.
 * Files for that person come the same private way.
 */
final class InteractionPort implements ChatPort {

    private static final Logger log = LoggerFactory.getLogger(InteractionPort.class);

    private final ChatPort channels;
    private final InteractionHook hook;
    private final UserRef actor;
    /** The person who acted, as the interaction described them; null in DMs. */
    private final Member member;
    private final boolean deferredReply;
    private boolean used;

    InteractionPort(ChatPort channels, InteractionHook hook, UserRef actor, Member member, boolean deferredReply) {
        this.channels = channels;
        this.hook = hook;
        this.actor = actor;
        this.member = member;
        this.deferredReply = deferredReply;
    }

    /** Its replies go through the interaction, which {@link #finish()} closes when the event is handled. */
    @Override
    public boolean repliesWithinEvent() {
        return true;
    }

    @Override
    public boolean reaches(String tenant) {
        return channels.reaches(tenant);
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        if (forActor(reply)) {
            return new MessageRef(place, ephemeral(DiscordChatPort.withAttachments(
                    DiscordMessages.render(reply.withoutAttachments()), reply)));
        }
        return channels.post(place, reply);
    }

    /** A file for the person who acted comes as an ephemeral follow-up: nobody else sees it. */
    @Override
    public void postFile(Place place, Reply message, String fileName, byte[] content) {
        if (forActor(message)) {
            ephemeral(DiscordChatPort.withFile(DiscordMessages.render(message), fileName, content));
            return;
        }
        channels.postFile(place, message, fileName, content);
    }

    private boolean forActor(Reply reply) {
        return reply.visibility() instanceof Visibility.OnlyTo only && only.user().equals(actor);
    }

    /** Sends the parts as ephemeral follow-ups; the id of the first. */
    private String ephemeral(List<MessageCreateData> parts) {
        String first = null;
        for (MessageCreateData message : parts) {
            var sent = hook.sendMessage(message).setEphemeral(true).complete();
            first = first == null ? sent.getId() : first;
        }
        used = true;
        return first == null ? "" : first;
    }

    /**
     * The interaction already says who acted, with their roles: no need to fetch the member. Other
     * people, other servers and DMs go the usual way.
     */
    @Override
    public boolean mayManage(UserRef user, Place place) {
        if (member == null || !user.equals(actor) || !place.tenant().equals(member.getGuild().getId())) {
            return channels.mayManage(user, place);
        }
        try {
            return DiscordChatPort.mayManage(member, member.getGuild().getGuildChannelById(place.channelId()));
        } catch (RuntimeException e) {
            log.warn("Discord: cannot check whether {} manages {}: {}", user.userId(), place.key(), e.toString());
            return false;
        }
    }

    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        return channels.channelNamed(near, name);
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        return channels.zoneOf(user);
    }

    @Override
    public void markReceived(MessageRef message) {
        channels.markReceived(message);
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        Place thread = channels.openThread(channel, opening);
        if (deferredReply) {
            hook.editOriginal("Your interview is in the thread <#" + thread.threadId() + ">.").queue(ok -> { }, failed -> { });
            used = true;
        }
        return thread;
    }

    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        return channels.openGroup(near, members, opening);
    }

    @Override
    public MessageRef postForReplies(Place channel, Reply reply) {
        return channels.postForReplies(channel, reply);
    }

    @Override
    public Place openDirect(UserRef user) {
        return channels.openDirect(user);
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        channels.update(message, reply);
    }

    /** Answers the deferred interaction with a note only its author sees, when its work could not be taken. */
    void refuse(String text) {
        hook.sendMessage(text).setEphemeral(true).queue(ok -> { }, failed -> { });
    }

    /** Called when the engine is done with the interaction. */
    void finish() {
        if (deferredReply && !used) {
            try {
                hook.deleteOriginal().queue(ok -> { }, failed -> { });
            } catch (RejectedExecutionException shuttingDown) {
                // the bot is stopping; the "thinking..." note expires by itself
            }
        }
    }
}
