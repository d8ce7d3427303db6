package dev.interviewcoach.discord;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The chat port for the length of one interaction: replies meant only for the person who acted
 * go back through the interaction, ephemeral (only they see them); everything else goes to the
 * channel as usual. A deferred reply that nothing used is deleted, so no "thinking..." lingers.
 */
final class InteractionPort implements ChatPort {

    private final ChatPort channels;
    private final InteractionHook hook;
    private final UserRef actor;
    private final boolean deferredReply;
    private boolean used;

    InteractionPort(ChatPort channels, InteractionHook hook, UserRef actor, boolean deferredReply) {
        this.channels = channels;
        this.hook = hook;
        this.actor = actor;
        this.deferredReply = deferredReply;
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        if (reply.visibility() instanceof Visibility.OnlyTo only && only.user().equals(actor)) {
            String first = null;
            for (MessageCreateData message : DiscordMessages.render(reply)) {
                var sent = hook.sendMessage(message).setEphemeral(true).complete();
                first = first == null ? sent.getId() : first;
            }
            used = true;
            return new MessageRef(place, first == null ? "" : first);
        }
        return channels.post(place, reply);
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
    public Place openDirect(UserRef user) {
        return channels.openDirect(user);
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        channels.update(message, reply);
    }

    /** Called when the engine is done with the interaction. */
    void finish() {
        if (deferredReply && !used) {
            try {
                hook.deleteOriginal().queue(ok -> { }, failed -> { });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                // the bot is stopping; the "thinking..." note expires by itself
            }
        }
    }
}
