package dev.interviewcoach.discord;

import dev.interviewcoach.chat.Attachment;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformUnavailable;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.dv8tion.jda.api.entities.User;

/**
 * The engine's voice on Discord through JDA: messages in channels, threads and DMs, private
 * threads for interviews (public ones where the server allows no private threads) and for peer
 * pairs (private only), edits. A
 * reply meant for one person outside an interaction goes to their DMs. Also files, a ✅ on a
 * person's message, and whether someone may manage the bot in a channel. Missing permissions
 * become a {@link PlatformRefusal} that tells the person what the server admin must change.
 */
public final class DiscordChatPort implements ChatPort {

    private static final Logger log = LoggerFactory.getLogger(DiscordChatPort.class);
    private static final Emoji RECEIVED = Emoji.fromUnicode("\u2705");
    /** Direct places name the person, so a DM can be reopened after a restart: {@code dm-<userId>}. */
    static final String DM_PREFIX = "dm-";
    static final String DM_TENANT = "dm";

    /**
     * The longest a reply's message may wait in JDA (for a rate limit, or Discord's answer): inside the 15 s the outbox
     * holds a reply for its deliverer, so no other deliverer takes it over and posts it a second time. A send that
     * runs out of it is tried again by the outbox later.
     */
    static final Duration SEND_WITHIN = Duration.ofSeconds(10);

    private final Supplier<ShardManager> shards;
    private final Duration sendWithin;

    public DiscordChatPort(Supplier<ShardManager> shards) {
        this(shards, SEND_WITHIN);
    }

    DiscordChatPort(Supplier<ShardManager> shards, Duration sendWithin) {
        this.shards = shards;
        this.sendWithin = sendWithin;
    }

    static Place directPlace(String userId) {
        return Place.direct(Platform.DISCORD, DM_TENANT, DM_PREFIX + userId);
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        return post(place, target(place, reply), reply);
    }

    /**
     * A server is reached when this instance runs its shard and that shard is connected (Discord sends a server's
     * events to one shard, and JDA knows its channels only there, once the shard has loaded its servers: before
     * that, or while it reconnects, the server's replies wait rather than being refused as a channel it cannot see);
     * direct messages from any shard this instance runs. An instance standing by with no shard reaches nothing. An
     * id that names no server is let through, for the call to say what is wrong.
     */
    @Override
    public boolean reaches(String tenant) {
        ShardManager manager = shards.get();
        if (manager == null) {
            return false;
        }
        if (DM_TENANT.equals(tenant)) {
            return !manager.getShards().isEmpty();
        }
        long guild;
        try {
            guild = Long.parseUnsignedLong(tenant);
        } catch (NumberFormatException e) {
            return true;
        }
        JDA shard = manager.getShardById(shardOf(guild, manager.getShardsTotal()));
        return shard != null && shard.getStatus() == JDA.Status.CONNECTED;
    }

    /** The shard Discord sends a server's events to: the id's timestamp part, modulo the shard count. */
    static int shardOf(long guildId, int shardsTotal) {
        return (int) Long.remainderUnsigned(guildId >>> 22, Math.max(1, shardsTotal));
    }

    private MessageRef post(Place place, MessageChannel channel, Reply reply) {
        String first = null;
        List<MessageCreateData> parts = rendered(() -> withAttachments(DiscordMessages.render(reply.withoutAttachments()),
                reply));
        for (MessageCreateData message : parts) {
            String what = reply.attachments().isEmpty() || message != parts.getLast() ? "send a message" : "attach files";
            if (first == null) {
                first = run(place, what, () -> within(channel.sendMessage(message))).getId();
                continue;
            }
            // Once a part is out, a later one that fails must not make the outbox try the whole reply again, which
            // would post the parts already out a second time.
            try {
                run(place, what, () -> within(channel.sendMessage(message)));
            } catch (RuntimeException e) {
                log.warn("Discord: a later part of a reply in {} could not be sent ({})", place.key(), e.toString());
                throw new PlatformRefusal(e instanceof PlatformRefusal refusal ? refusal.getMessage()
                        : "Part of my reply did not get through (Discord had trouble), so it is missing here. Your"
                        + " progress is saved: type repeat to see the current question again.");
            }
        }
        return new MessageRef(place, first == null ? "" : first);
    }

    /** Where a reply goes: the place itself, or the person's DMs when only they may see it. */
    private MessageChannel target(Place place, Reply reply) {
        return reply.visibility() instanceof Visibility.OnlyTo only && place.kind() != Place.Kind.DIRECT
                ? dm(only.user().userId())
                : channel(place);
    }

    /** The message, then the file attached to its last part, so the file sits under the words that explain it. */
    @Override
    public void postFile(Place place, Reply message, String fileName, byte[] content) {
        MessageChannel channel = target(place, message);
        List<MessageCreateData> parts = rendered(() -> withFile(DiscordMessages.render(message), fileName, content));
        for (MessageCreateData part : parts) {
            String what = part == parts.getLast() ? "attach files" : "send a message";
            run(place, what, () -> within(channel.sendMessage(part)));
        }
    }

    /**
     * The rendered parts of a reply with its files (a chart) attached to the last part, each with its
     * text alternative as the attachment's description (Discord's alt text).
     */
    static List<MessageCreateData> withAttachments(List<MessageCreateData> parts, Reply reply) {
        if (reply.attachments().isEmpty()) {
            return parts;
        }
        List<MessageCreateData> out = new ArrayList<>(parts.subList(0, parts.size() - 1));
        MessageCreateBuilder last = MessageCreateBuilder.from(parts.getLast());
        for (Attachment file : reply.attachments()) {
            String alt = file.altText().length() > MAX_DESCRIPTION ? file.altText().substring(0, MAX_DESCRIPTION - 3) + "..."
                    : file.altText();
            last.addFiles(FileUpload.fromData(file.content(), file.fileName()).setDescription(alt));
        }
        out.add(last.build());
        return out;
    }

    /** Discord's longest attachment description. */
    private static final int MAX_DESCRIPTION = 1024;

    /** The rendered parts of a message with the file added to the last one. */
    static List<MessageCreateData> withFile(List<MessageCreateData> parts, String fileName, byte[] content) {
        List<MessageCreateData> out = new ArrayList<>(parts.subList(0, parts.size() - 1));
        out.add(MessageCreateBuilder.from(parts.getLast()).addFiles(FileUpload.fromData(content, fileName)).build());
        return out;
    }

    /**
     * Discord has no admin list of its own: whoever may manage this channel (Manage Channels
     * here) or the whole server (Manage Server) may manage the bot in it. The member is fetched,
     * as the bot keeps no member cache. Unknown or failing: no.
     */
    @Override
    public boolean mayManage(UserRef user, Place place) {
        if (place.kind() == Place.Kind.DIRECT || DM_TENANT.equals(place.tenant())) {
            return false;
        }
        try {
            Guild guild = shards.get().getGuildById(place.tenant());
            if (guild == null) {
                log.warn("Discord: cannot check who manages {}: the bot is not in that server", place.key());
                return false;
            }
            return mayManage(guild.retrieveMemberById(user.userId()).complete(), guild.getGuildChannelById(place.channelId()));
        } catch (RuntimeException e) {
            log.warn("Discord: cannot check whether {} manages {}: {}", user.userId(), place.key(), e.toString());
            return false;
        }
    }

    /** Manage Server anywhere in the guild, or Manage Channels in this channel (its overrides count). */
    static boolean mayManage(Member member, GuildChannel channel) {
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return true;
        }
        return channel != null && member.hasPermission(channel, Permission.MANAGE_CHANNEL);
    }

    /** A ✅ on the person's message. Only a courtesy: if Discord refuses, the answer still counts. */
    @Override
    public void markReceived(MessageRef message) {
        try {
            MessageChannel channel = channel(message.place());
            channel.addReactionById(message.messageId(), RECEIVED).queue(ok -> { },
                    failed -> log.warn("Discord: could not react to a message in {}: {}", message.place().key(),
                            failed.toString()));
        } catch (RuntimeException e) {
            log.warn("Discord: could not react to a message in {}: {}", message.place().key(), e.toString());
        }
    }

    @Override
    public Place openThread(Place channelPlace, Reply opening) {
        TextChannel parent = shards.get().getTextChannelById(channelPlace.channelId());
        if (parent == null) {
            throw new PlatformRefusal("I can't see this channel. Ask a server admin to give me View Channel here.");
        }
        String name = threadName(opening, parent);
        ThreadChannel thread;
        boolean openingPosted = false;
        try {
            thread = parent.createThreadChannel(name, true).setAutoArchiveDuration(KEPT_OPEN).complete();
        } catch (InsufficientPermissionException | ErrorResponseException e) {
            if (e instanceof ErrorResponseException refused && !privateThreadsNotAllowed(refused)) {
                // Discord's own trouble, or a channel full of threads: never a reason to make the interview public.
                throw refused(channelPlace, "create private threads", refused);
            }
            // Servers without private threads (or without the permission for them) still allow public ones.
            log.info("private thread refused in channel {} ({}); opening a public one", parent.getId(), e.getMessage());
            Message anchor = run(channelPlace, "post in this channel",
                    () -> parent.sendMessage(DiscordMessages.render(opening).getFirst()).complete());
            thread = run(channelPlace, "create threads", () -> parent.createThreadChannel(name, anchor.getId())
                    .setAutoArchiveDuration(KEPT_OPEN).complete());
            openingPosted = true; // the anchor shows at the top of its thread: posting it again would ping twice
        }
        ThreadChannel created = thread;
        Place place = channelPlace.thread(thread.getId());
        List<CompletableFuture<Void>> adding = addMembers(channelPlace, created, DiscordMessages.mentions(opening));
        if (!openingPosted) {
            postInto(place, created, opening);
        }
        awaitAdded(channelPlace, adding);
        return place;
    }

    /**
     * Asks Discord to add each person to the thread without waiting for its answers, so the opening is posted
     * meanwhile: a start then waits for one round trip fewer. The opening mentions the person, so they are told of
     * it whichever lands first; {@link #awaitAdded} still reports an add Discord refused.
     */
    private static List<CompletableFuture<Void>> addMembers(Place place, ThreadChannel thread,
                                                           Collection<String> userIds) {
        List<CompletableFuture<Void>> adding = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            adding.add(run(place, "add people to threads", () -> thread.addThreadMemberById(userId).submit()));
        }
        return adding;
    }

    private static void awaitAdded(Place place, List<CompletableFuture<Void>> adding) {
        for (CompletableFuture<Void> add : adding) {
            run(place, "add people to threads", () -> {
                try {
                    return add.get();
                } catch (InterruptedException e) {
                    // past the event's budget, or stopping: as a call to Discord interrupted while it waits
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while Discord added people to a thread", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause; // the ErrorResponseException that run() turns into words for the person
                    }
                    throw new IllegalStateException(e.getCause());
                }
            });
        }
    }

    /**
     * The opening of a thread just made, into the thread as created rather than the cache's copy: JDA puts the copy
     * in its cache before it sets the copy's parent channel, so a look-up in that moment (the gateway announces
     * the thread as the reply arrives) gets a thread whose permission check throws, and the person was told
     * "Sorry, something went wrong".
     */
    private void postInto(Place place, ThreadChannel created, Reply opening) {
        post(place, opening.visibility() instanceof Visibility.OnlyTo ? target(place, opening) : created, opening);
    }

    /**
     * A private thread in the channel that nobody else can be invited to, with each member added
     * while the opening is posted in it. No public fallback, unlike an interview's thread: what a pair says
     * stays between them, so a server without private threads is told what to allow instead.
     */
    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        TextChannel parent = shards.get().getTextChannelById(near.channelId());
        if (parent == null) {
            throw new PlatformRefusal("I can't see that channel. Ask a server admin to give me View Channel there.");
        }
        String name = threadName(opening, null);
        ThreadChannel thread = run(near, "create private threads",
                () -> parent.createThreadChannel(name, true).setInvitable(false).setAutoArchiveDuration(KEPT_OPEN)
                        .complete());
        List<CompletableFuture<Void>> adding =
                addMembers(near, thread, members.stream().map(UserRef::userId).toList());
        Place place = near.thread(thread.getId());
        postInto(place, thread, opening);
        awaitAdded(near, adding);
        return place;
    }

    /** The message, then a public thread from it (same id), so everyone can answer under it. */
    @Override
    public MessageRef postForReplies(Place channelPlace, Reply reply) {
        MessageRef posted = post(channelPlace, reply);
        if (channelPlace.kind() != Place.Kind.CHANNEL) {
            return posted; // DMs and threads have no threads of their own; replies come through the buttons
        }
        TextChannel parent = shards.get().getTextChannelById(channelPlace.channelId());
        if (parent == null || posted.messageId().isEmpty()) {
            return posted;
        }
        try {
            // Bounded, as a send is: the post is out, and a thread that waits on a long rate limit must not hold the
            // question of the day's claim past the time another check would take it for left.
            within(parent.createThreadChannel(threadName(reply, null), posted.messageId()).setAutoArchiveDuration(KEPT_OPEN));
        } catch (InsufficientPermissionException | ErrorResponseException | PlatformUnavailable e) {
            // The post stands; answers still come through its button, only thread replies are lost.
            log.warn("no thread under the post in channel {} ({}); answers can still use the button", parent.getId(),
                    e.getMessage());
        }
        return posted;
    }

    @Override
    public Place openDirect(UserRef user) {
        return directPlace(user.userId());
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        MessageChannel channel = channel(message.place());
        MessageEditData first = rendered(() -> MessageEditData.fromCreateData(DiscordMessages.render(reply).getFirst()));
        run(message.place(), "edit messages", () -> within(channel.editMessageById(message.messageId(), first)));
    }

    /** A text channel of the same server, by name (from the gateway's cache of channels). */
    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        Guild guild = DM_TENANT.equals(near.tenant()) ? null : shards.get().getGuildById(near.tenant());
        if (guild == null) {
            return Optional.empty();
        }
        return guild.getTextChannelsByName(name, true).stream().findFirst()
                .map(c -> Place.channel(Platform.DISCORD, near.tenant(), c.getId()));
    }

    private MessageChannel channel(Place place) {
        ShardManager manager = shards.get();
        return switch (place.kind()) {
            case DIRECT -> dm(place.channelId().startsWith(DM_PREFIX) ? place.channelId().substring(DM_PREFIX.length())
                    : place.channelId());
            case THREAD -> {
                ThreadChannel thread = cachedThread(manager, place.threadId());
                if (thread == null) {
                    throw new PlatformRefusal("I can't find that thread any more; it may have been archived or deleted."
                            + " Start a new interview with /coach mock.");
                }
                yield thread;
            }
            case CHANNEL -> {
                MessageChannel channel = manager.getChannelById(MessageChannel.class, place.channelId());
                if (channel == null) {
                    throw new PlatformRefusal("I can't see this channel. Ask a server admin to give me View Channel.");
                }
                yield channel;
            }
        };
    }

    /**
     * A thread from JDA's cache, once its parent channel is set: the copy is cached a moment before (see
     * {@link #postInto}), and a message sent on it then fails JDA's permission check. The moment is short, so a
     * few brief looks again are enough; after them the copy is used as it is.
     */
    private static ThreadChannel cachedThread(ShardManager manager, String threadId) {
        ThreadChannel thread = manager.getThreadChannelById(threadId);
        for (int look = 0; thread != null && !hasParent(thread) && look < PARENT_LOOKS; look++) {
            try {
                Thread.sleep(PARENT_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            thread = manager.getThreadChannelById(threadId);
        }
        return thread;
    }

    private static final int PARENT_LOOKS = 20;
    private static final long PARENT_PAUSE_MS = 5;

    private static boolean hasParent(ThreadChannel thread) {
        try {
            return thread.getParentChannel() != null;
        } catch (NullPointerException e) {
            return false; // JDA's look-up of the parent dereferences the field not yet set
        }
    }

    private MessageChannel dm(String userId) {
        JDA jda = shards.get().getShards().getFirst();
        return run(null, "message you directly", () -> jda.openPrivateChannelById(userId).complete());
    }

    /**
     * A thread's name: the opening's title, and the name of the person it is for when there is
     * one, so a channel's list of threads tells them apart. Discord allows 100 characters.
     */
    private String threadName(Reply opening, TextChannel parent) {
        String text = opening.fallback().isBlank() ? "Mock interview" : opening.fallback();
        List<String> people = List.copyOf(DiscordMessages.mentions(opening));
        if (parent != null && people.size() == 1) {
            String person = displayName(parent, people.getFirst());
            if (person != null) {
                text = text + " \u2013 " + person;
            }
        }
        return text.length() <= 100 ? text : text.substring(0, 99);
    }

    /** The person's name as the server shows it, from JDA's cache only: naming a thread is no reason to wait. */
    private String displayName(TextChannel parent, String userId) {
        Member member = parent.getGuild().getMemberById(userId);
        if (member != null) {
            return member.getEffectiveName();
        }
        User user = shards.get().getUserById(userId);
        return user == null ? null : user.getEffectiveName();
    }

    /** Runs a JDA call, turning Discord's refusals into something a person can act on. */
    private static <T> T run(Place place, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (InsufficientPermissionException e) {
            log.warn("Discord: missing permission {} in {}", e.getPermission(), place == null ? "-" : place.key());
            throw new PlatformRefusal("I don't have permission to " + what + " here (missing: "
                    + e.getPermission().getName() + "). Ask a server admin to grant it to my role.");
        } catch (ErrorResponseException e) {
            throw refused(place, what, e);
        }
    }

    /**
     * A reply's request, waited for at most {@link #sendWithin}: JDA waits out a rate limit before it sends, and only
     * then looks at a request's own timeout, so the wait is bounded here and the request taken back when it runs out.
     */
    private <T> T within(RestAction<T> action) {
        CompletableFuture<T> sent = action.submit();
        try {
            return sent.get(sendWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new PlatformUnavailable("Discord did not take it within " + sendWithin.toSeconds() + " s (a rate"
                    + " limit, or Discord slow to answer)", e);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to Discord", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // an ErrorResponseException, which run() turns into words for the person
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What a refusal of Discord's comes to: words for the person, or the error itself when a retry may help. */
    private static RuntimeException refused(Place place, String what, ErrorResponseException e) {
        log.warn("Discord refused to {} in {}: {} {}", what, place == null ? "-" : place.key(), e.getErrorCode(),
                e.getMeaning());
        if (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS) {
            return new PlatformRefusal("I don't have permission to " + what + " here. Ask a server admin to check"
                    + " my role's permissions for this channel (Send Messages, Create Private Threads,"
                    + " Send Messages in Threads).");
        }
        if (e.getErrorResponse() == ErrorResponse.REQUEST_ENTITY_TOO_LARGE
                || e.getErrorResponse() == ErrorResponse.FILE_UPLOAD_MAX_SIZE_EXCEEDED) {
            return new PlatformRefusal("That file is larger than Discord lets me send here.");
        }
        if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
            return new PlatformRefusal("I can't send you direct messages. Allow DMs from server members in your"
                    + " privacy settings, or use /coach in a channel.");
        }
        if (e.isServerError()) {
            return new PlatformUnavailable("Discord: " + e.getMeaning(), e);
        }
        return refusalForGood(e).map(RuntimeException.class::cast).orElse(e);
    }

    /**
     * Discord's answers that no retry can change, in words for the person: the outbox gives such a reply up at once
     * and goes on with the replies behind it. Discord's own trouble (5xx) and rate limits are tried again.
     */
    static Optional<PlatformRefusal> refusalForGood(ErrorResponseException e) {
        ErrorResponse error = e.getErrorResponse();
        if (error == ErrorResponse.UNKNOWN_CHANNEL) {
            return Optional.of(new PlatformRefusal("I can't find that channel any more: it was deleted, or I was removed"
                    + " from it."));
        }
        if (error == ErrorResponse.UNKNOWN_MESSAGE) {
            return Optional.of(new PlatformRefusal("The message I meant to change is no longer there."));
        }
        if (error == ErrorResponse.ILLEGAL_OPERATION_ARCHIVED_THREAD || error == ErrorResponse.THREAD_LOCKED) {
            return Optional.of(new PlatformRefusal("This thread is archived or locked, so I can't post in it any more."
                    + " Start a new interview with /coach mock."));
        }
        if (error == ErrorResponse.MAX_ACTIVE_THREADS) {
            return Optional.of(new PlatformRefusal("This channel has as many active threads as Discord allows. Archive"
                    + " some, or practise in a direct message with me."));
        }
        int status = e.getResponse() == null ? 0 : e.getResponse().code;
        if (e.isServerError() || status == 429 || status == 408 || status < 400 || status >= 500) {
            return Optional.empty();
        }
        return Optional.of(new PlatformRefusal(cannotTake(e.getMeaning())));
    }

    /** For a reply Discord refused, or one that could not be made into a Discord message at all. */
    static String cannotTake(String why) {
        return "Discord would not take part of my reply (" + why + "), so it is missing here. Your progress is saved:"
                + " type repeat to see the current question again, or stats for your results.";
    }

    /**
     * The reply as Discord messages. JDA's builders refuse content past Discord's limits with an exception no retry
     * can change; the person is told instead of the reply being tried for ten minutes.
     */
    private static <T> T rendered(Supplier<T> rendering) {
        try {
            return rendering.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.warn("Discord: a reply could not be made into a message: {}", e.getMessage());
            throw new PlatformRefusal(cannotTake("it went past one of Discord's limits"));
        }
    }

    /**
     * How long a thread the coach makes stays open without a message: the longest Discord allows, so an interview
     * paused over a weekend, or a question of the day's thread waiting for its reveal, can still be posted in
     * (JDA forgets an archived thread, and the coach could no longer find it).
     */
    static final ThreadChannel.AutoArchiveDuration KEPT_OPEN = ThreadChannel.AutoArchiveDuration.TIME_1_WEEK;

    /** Whether Discord refused a private thread because this server or channel does not allow one for the coach. */
    private static boolean privateThreadsNotAllowed(ErrorResponseException e) {
        return e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS
                || e.getErrorResponse() == ErrorResponse.INVALID_CHANNEL_TYPE;
    }

    static List<String> permissionsNeeded() {
        return List.of("View Channels", "Send Messages", "Send Messages in Threads", "Create Private Threads",
                "Create Public Threads", "Embed Links", "Attach Files", "Add Reactions", "Read Message History");
    }
}
