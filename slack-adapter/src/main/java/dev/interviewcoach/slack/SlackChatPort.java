package dev.interviewcoach.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.ConversationType;
import com.slack.api.model.view.View;
import dev.interviewcoach.chat.Attachment;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformUnavailable;
import dev.interviewcoach.chat.RateLimited;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's voice on Slack, through the Web API: messages (in threads too), ephemeral notes,
 * edits, DMs, the App Home, reactions, files and modals; and what Slack knows about a person
 * (admin or owner, time zone). A rate-limited call waits as long as Slack asks and tries again;
 * a failure is logged with the method, channel and Slack's error, never with the text.
 */
public final class SlackChatPort implements ChatPort {

    private static final Logger log = LoggerFactory.getLogger(SlackChatPort.class);
    private static final int MAX_ATTEMPTS = 4;
    private static final long MAX_WAIT_SECONDS = 30;
    /** A rate limit this short is waited out where it happens; a longer one is handed back. */
    static final long LONGEST_WAIT_IN_LINE_SECONDS = 1;
    /** The longest one Web API call may take (set on the SDK's HTTP client by the adapter). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /**
     * No new try of a failed call starts after this long: with the call timeout, every call ends within about 11 s,
     * inside the 15 s a deliverer holds a reply, so no other deliverer takes it over and posts it again.
     */
    static final Duration RETRY_WITHIN = Duration.ofSeconds(6);
    private static final int HOME_MAX_BLOCKS = 100;
    /** The reaction that tells a channel someone took part, without showing what they wrote. */
    static final String RECEIVED_REACTION = "white_check_mark";
    /** Long enough that a burst of commands asks Slack once, short enough that a new admin is seen soon. */
    private static final Duration PROFILE_TTL = Duration.ofMinutes(2);

    /** A Slack call that failed for good, with Slack's error code when it gave one. */
    public static final class SlackCallFailed extends RuntimeException {
        private final String error;

        public SlackCallFailed(String message, String error) {
            super(message);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** Slack errors that mean the bot is not in the conversation. */
    private static final Set<String> NOT_A_MEMBER = Set.of("not_in_channel", "channel_not_found",
            "is_archived");

    /** One Web API call, so it can be retried. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /**
     * Which Web API client, and so which bot token, serves a workspace (a place's or person's tenant,
     * the Slack team id): one client for every team with a single bot token, the workspace's own
     * installation with OAuth. Throws {@link SlackCallFailed} ({@code not_installed}) for a workspace
     * that has no installation.
     */
    @FunctionalInterface
    public interface Clients {
        MethodsClient forTeam(String team);

        /** Forgets the workspace's client when Slack says its token expired, so the next try loads a fresh one. */
        default void tokenExpired(String team) {
        }
    }

    private final Clients clients;
    /** The one client of the single-workspace mode; null when each workspace has its own. */
    private final MethodsClient client;
    private final Sleeper sleeper;
    private final Set<String> admins;
    private volatile Duration retryWithin = RETRY_WITHIN;
    /** Set when Slack refuses the single bot token, cleared by the next call that goes through; for readiness. */
    private volatile String accessRefused;
    private final Cache<UserRef, Profile> profiles = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(PROFILE_TTL)
            .build();

    /** What the bot needs to know about a person from {@code users.info}. */
    private record Profile(boolean workspaceAdmin, Optional<ZoneId> zone) {}

    /** How the port waits out a rate limit; tests make it instant. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;

        /** Told each time Slack answers 429, before the wait: for metrics. */
        default void rateLimited() {
        }
    }

    public SlackChatPort(MethodsClient client, Sleeper sleeper) {
        this(client, sleeper, Set.of());
    }

    /** {@code admins}: user ids that may manage the bot everywhere, besides the workspace's admins and owners. */
    public SlackChatPort(MethodsClient client, Sleeper sleeper, Set<String> admins) {
        this.client = client;
        this.clients = team -> client;
        this.sleeper = sleeper;
        this.admins = Set.copyOf(admins);
    }

    /** A port posting in each workspace with the client {@code clients} picks for its team. */
    public SlackChatPort(Clients clients, Sleeper sleeper, Set<String> admins) {
        this.clients = clients;
        this.client = null;
        this.sleeper = sleeper;
        this.admins = Set.copyOf(admins);
    }

    /**
     * Checks the bot token with Slack ({@code auth.test}) and returns the bot's user id, so a wrong
     * token stops start-up with a clear message instead of failing on the first event.
     */
    public String verifyToken() {
        var auth = call("auth.test", null, () -> clients.forTeam("").authTest(r -> r));
        return auth.getUserId();
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        return forGood("chat.postMessage", () -> {
            MessageRef posted = postWords(place, reply.withoutAttachments());
            for (Attachment file : reply.attachments()) {
                try {
                    attach(place, reply.visibility(), file);
                } catch (RuntimeException e) {
                    // The words are out: trying the row again would post them again, so the chart is let go.
                    log.warn("Slack: the file {} of a reply in channel {} could not be sent, nor its description ({})",
                            file.fileName(), place.channelId(), e.toString());
                }
            }
            return posted;
        });
    }

    /**
     * Runs a call for a reply; an error no retry can change comes out as a {@link PlatformRefusal}, so the outbox
     * gives that reply up at once, with words for the person, rather than trying it while the replies behind it wait.
     */
    private <T> T forGood(String method, Supplier<T> work) {
        try {
            return work.get();
        } catch (SlackCallFailed e) {
            if (SlackRefusals.slacksOwnTrouble(e.error())) {
                throw new PlatformUnavailable("Slack " + method + ": " + e.error(), e);
            }
            throw SlackRefusals.of(method, e.error()).map(RuntimeException.class::cast).orElse(e);
        } catch (UncheckedIOException e) {
            throw new PlatformUnavailable("Slack " + method + " could not be reached", e);
        }
    }

    private void forGood(String method, Runnable work) {
        forGood(method, () -> {
            work.run();
            return null;
        });
    }

    /** Why Slack refuses the bot token now, for readiness; empty once a call goes through again. */
    public Optional<String> accessProblem() {
        String refused = accessRefused;
        return refused == null ? Optional.empty() : Optional.of(refused);
    }

    /**
     * Uploads a file that goes with a reply, with its text alternative as the image's alt text. A
     * file for one person in a shared channel goes to their DM (Slack files cannot be ephemeral). If
     * Slack refuses it, the alternative text goes out instead, so the person still learns what it showed.
     */
    private void attach(Place place, Visibility visibility, Attachment file) {
        Place where = visibility instanceof Visibility.OnlyTo only && place.kind() != Place.Kind.DIRECT
                ? openDirect(only.user()) : place;
        try {
            call("files.uploadV2", where, () -> clients.forTeam(where.tenant()).filesUploadV2(r -> r.channel(where.channelId())
                    .threadTs(where.threadId()).filename(file.fileName()).title(file.fileName()).altTxt(file.altText())
                    .fileData(file.content())));
        } catch (SlackFilesUploadV2Exception e) {
            log.warn("Slack file upload of {} failed in channel {} ({}); sending its description instead",
                    file.fileName(), where.channelId(), uploadError(e));
            postWords(where, new Reply(List.of(), "(" + file.fileName() + ": " + file.altText() + ")", visibility));
        }
    }

    private MessageRef postWords(Place place, Reply reply) {
        try {
            return send(place, reply);
        } catch (SlackCallFailed e) {
            if (!NOT_A_MEMBER.contains(e.error())) {
                throw e;
            }
            if (reply.visibility() instanceof Visibility.OnlyTo only) {
                // Not in that channel: a private note can still reach the person in a DM.
                return send(openDirect(only.user()), reply);
            }
            throw new PlatformRefusal(e.error().equals("is_archived") ? SlackRefusals.ARCHIVED
                    : "I'm not in this channel, so I can't post here. Invite me with /invite @coach,"
                    + " or send me a direct message to practise privately.");
        }
    }

    private MessageRef send(Place place, Reply reply) {
        MessageRef first = null;
        boolean somePartOut = false;
        for (SlackBlocks.Message message : SlackBlocks.messages(reply)) {
            if (somePartOut) {
                // A reply too long for one message: once a part is out, a failure of a later one must not make the
                // outbox try the whole reply again, which would post the parts already out a second time.
                try {
                    MessageRef later = sendOne(place, reply, message);
                    first = first == null ? later : first;
                } catch (RuntimeException e) {
                    log.warn("Slack: a later part of a reply in channel {} could not be sent ({})", place.channelId(),
                            e.toString());
                    throw new PlatformRefusal("Part of my reply did not get through (Slack had trouble), so it is"
                            + " missing here. Your progress is saved: type repeat to see the current question again.");
                }
                continue;
            }
            first = sendOne(place, reply, message);
            somePartOut = true;
        }
        return first == null ? new MessageRef(place, "") : first;
    }

    /** One message of a reply; the message's reference, or null for an ephemeral one (it has none to keep). */
    private MessageRef sendOne(Place place, Reply reply, SlackBlocks.Message message) {
        if (reply.visibility() instanceof Visibility.OnlyTo only && place.kind() != Place.Kind.DIRECT) {
            call("chat.postEphemeral", place, () -> clients.forTeam(place.tenant()).chatPostEphemeral(r -> r
                    .channel(place.channelId()).user(only.user().userId()).threadTs(place.threadId())
                    .text(message.text()).blocks(message.blocks())));
            return null;
        }
        ChatPostMessageResponse posted = call("chat.postMessage", place, () -> clients.forTeam(place.tenant())
                .chatPostMessage(r -> r.channel(place.channelId()).threadTs(place.threadId()).text(message.text())
                        .blocks(message.blocks()).linkNames(false).unfurlLinks(false).unfurlMedia(false)));
        return new MessageRef(place, posted.getTs());
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        MessageRef ref = post(channel, opening);
        return channel.thread(ref.messageId());
    }

    /**
     * A group DM of the members and the bot ({@code conversations.open} with several users; Slack
     * finds the same one again for the same people). To Slack it is a conversation like a channel,
     * so a reply there for one member alone goes as an ephemeral message only they see.
     */
    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        List<String> users = members.stream().map(UserRef::userId).toList();
        ConversationsOpenResponse opened = forGood("conversations.open", () -> call("conversations.open", near,
                () -> clients.forTeam(near.tenant()).conversationsOpen(r -> r.users(users))));
        Place group = Place.channel(Platform.SLACK, near.tenant(), opened.getChannel().getId());
        post(group, opening);
        return group;
    }

    @Override
    public Place openDirect(UserRef user) {
        ConversationsOpenResponse opened = forGood("conversations.open", () -> call("conversations.open", null,
                () -> clients.forTeam(user.tenant()).conversationsOpen(r -> r.users(List.of(user.userId())))));
        return Place.direct(Platform.SLACK, user.tenant(), opened.getChannel().getId());
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        SlackBlocks.Message first = SlackBlocks.messages(reply).getFirst();
        forGood("chat.update", () -> call("chat.update", message.place(), () -> clients.forTeam(message.place().tenant())
                .chatUpdate(r -> r.channel(message.place().channelId())
                        .ts(message.messageId()).text(first.text()).blocks(first.blocks()))));
    }

    @Override
    public void publishHome(UserRef user, Reply home) {
        var blocks = SlackBlocks.blocks(home);
        var shown = blocks.size() <= HOME_MAX_BLOCKS ? blocks : blocks.subList(0, HOME_MAX_BLOCKS);
        View view = View.builder().type("home").blocks(List.copyOf(shown)).build();
        forGood("views.publish", () -> call("views.publish", null,
                () -> clients.forTeam(user.tenant()).viewsPublish(r -> r.userId(user.userId()).view(view))));
    }

    /**
     * Workspace admins and owners manage the bot in every channel, and so do the configured admins;
     * when Slack cannot be asked, the answer is no.
     */
    @Override
    public boolean mayManage(UserRef user, Place channel) {
        if (admins.contains(user.userId())) {
            return true;
        }
        return profile(user).map(Profile::workspaceAdmin).orElse(false);
    }

    /**
     * Finds a channel by name with {@code conversations.list} (public and private channels the
     * bot may see, not archived), for commands that name one as plain text ({@code #prep-leads}).
     */
    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        String cursor = "";
        try {
            for (int page = 0; page < 50; page++) {
                String from = cursor;
                var listed = call("conversations.list", null, () -> clients.forTeam(near.tenant()).conversationsList(r -> r
                        .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                        .excludeArchived(true).limit(1000).cursor(from.isEmpty() ? null : from)));
                for (var c : listed.getChannels()) {
                    if (name.equalsIgnoreCase(c.getName())) {
                        return Optional.of(Place.channel(Platform.SLACK, near.tenant(), c.getId()));
                    }
                }
                cursor = listed.getResponseMetadata() == null ? "" : listed.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    break;
                }
            }
        } catch (SlackCallFailed | UncheckedIOException e) {
            log.warn("Slack conversations.list failed while looking for a channel by name: {}", e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        return profile(user).flatMap(Profile::zone);
    }

    /** The person's profile, from a short-lived cache; empty when Slack would not say. */
    private Optional<Profile> profile(UserRef user) {
        // A null from the loader is not cached, so a failed look-up is tried again next time.
        return Optional.ofNullable(profiles.get(user, this::lookUp));
    }

    private Profile lookUp(UserRef user) {
        try {
            // Any Slack error means "no" here; it is logged once below, with what it means.
            var info = call("users.info", null, MAX_ATTEMPTS, error -> true, () -> clients.forTeam(user.tenant()).usersInfo(r -> r.user(user.userId())));
            var u = info.getUser();
            if (u == null) {
                return null;
            }
            return new Profile(u.isAdmin() || u.isOwner() || u.isPrimaryOwner(), zone(u.getTz()));
        } catch (SlackCallFailed | UncheckedIOException e) {
            log.warn("Slack users.info failed for user {}; treating them as a member with no known time zone: {}",
                    user.userId(), e.getMessage());
            return null;
        }
    }

    private static Optional<ZoneId> zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Reacts with a check mark; a reaction is never worth an error to the person, so failures are only logged. */
    @Override
    public void markReceived(MessageRef message) {
        Place place = message.place();
        try {
            call("reactions.add", place, MAX_ATTEMPTS, "already_reacted"::equals, () -> clients.forTeam(place.tenant()).reactionsAdd(r -> r
                    .channel(place.channelId()).timestamp(message.messageId()).name(RECEIVED_REACTION)));
        } catch (SlackCallFailed | UncheckedIOException e) {
            // Already logged by call(); the message was received whether or not the check mark shows.
        }
    }

    /**
     * Uploads the file with Slack's files upload v2 flow, the message's fallback as its comment. A
     * file meant for one person in a shared channel goes to their DM, since files cannot be
     * ephemeral. If Slack refuses the upload, the content goes out as text instead.
     */
    @Override
    public void postFile(Place place, Reply message, String fileName, byte[] content) {
        Place where = message.visibility() instanceof Visibility.OnlyTo only && place.kind() != Place.Kind.DIRECT
                ? openDirect(only.user()) : place;
        String comment = SlackBlocks.messages(message).getFirst().text();
        forGood("files.uploadV2", () -> {
            try {
                call("files.uploadV2", where, () -> clients.forTeam(where.tenant()).filesUploadV2(r -> r
                        .channel(where.channelId()).threadTs(where.threadId()).filename(fileName).title(fileName)
                        .fileData(content).initialComment(comment)));
            } catch (SlackFilesUploadV2Exception e) {
                log.warn("Slack file upload failed in channel {} ({}); sending the content as text", where.channelId(),
                        uploadError(e));
                ChatPort.super.postFile(where, message, fileName, content);
            }
        });
    }

    /** Which step of an upload failed, and Slack's error for it. */
    private static String uploadError(SlackFilesUploadV2Exception e) {
        if (e.getCompleteResponse() != null) {
            return "files.completeUploadExternal: " + e.getCompleteResponse().getError();
        }
        List<FilesGetUploadURLExternalResponse> urls = e.getGetURLResponses();
        if (!urls.isEmpty() && !urls.getLast().isOk()) {
            return "files.getUploadURLExternal: " + urls.getLast().getError();
        }
        return e.getUploadResponses().values().stream().findFirst()
                .map(r -> "upload: HTTP " + r.getCode()).orElse("unknown step");
    }

    /**
     * Opens a modal for a click. Slack's trigger expires after three seconds, so there is one
     * attempt and no waiting out a rate limit; a failure is the caller's to report.
     */
    void openModal(String triggerId, View view) {
        openModal("", triggerId, view);
    }

    /** As {@link #openModal(String, View)}, with the bot token of workspace {@code team}. */
    void openModal(String team, String triggerId, View view) {
        call("views.open", null, 1, error -> false, () -> clients.forTeam(team).viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    private <T extends SlackApiTextResponse> T call(String method, Place place, Call<T> call) {
        return call(method, place, MAX_ATTEMPTS, error -> false, call);
    }

    /**
     * One Web API call with retries. A Slack error throws {@link SlackCallFailed}; one that
     * {@code expected} accepts is the caller's to report, so it is not logged as a warning here.
     */
    private <T extends SlackApiTextResponse> T call(String method, Place place, int maxAttempts,
                                                    Predicate<String> expected, Call<T> call) {
        String where = place == null ? "-" : place.channelId();
        long began = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    if ("token_expired".equals(response.getError()) && place != null) {
                        clients.tokenExpired(place.tenant()); // a rotation that failed once; the next try refreshes
                    }
                    if (client != null && SlackRefusals.refusedAccess(response.getError())) {
                        accessRefused = "Slack refused the bot token (" + response.getError() + ") on " + method + " at "
                                + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                                + "; check SLACK_BOT_TOKEN, or reinstall the app";
                    }
                    if (expected.test(response.getError())) {
                        log.debug("Slack {} in channel {}: {}", method, where, response.getError());
                    } else {
                        log.warn("Slack {} failed in channel {}: {}", method, where, response.getError());
                    }
                    throw new SlackCallFailed(method + " failed: " + response.getError(), response.getError());
                }
                if (attempt > 1) {
                    log.info("Slack {} went through on attempt {}", method, attempt);
                }
                if (accessRefused != null) {
                    accessRefused = null; // the token works again (a new one, or Slack's trouble passed)
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().code();
                if (status == 429) {
                    long wait = retryAfter(e).orElse(1L);
                    if (wait > LONGEST_WAIT_IN_LINE_SECONDS || attempt >= maxAttempts) {
                        // Longer waits are not spent holding a thread: the caller puts the work
                        // aside (the outbox defers the reply, the inbox the event) and goes on.
                        sleeper.rateLimited();
                        throw new RateLimited("Slack " + method, Duration.ofSeconds(Math.max(1, wait)));
                    }
                    sleeper.rateLimited();
                    log.info("Slack {} rate-limited in channel {}; retrying in {} s (attempt {})", method, where, wait, attempt);
                    pause(Math.min(wait, MAX_WAIT_SECONDS) * 1000);
                    continue;
                }
                if (status >= 500 && attempt < maxAttempts && stillTime(began)) {
                    log.info("Slack {} answered HTTP {} in channel {}; retrying (attempt {})", method, status, where, attempt);
                    pause(500L * attempt);
                    continue;
                }
                log.warn("Slack {} failed in channel {}: HTTP {} {}", method, where, status,
                        e.getError() == null ? "" : e.getError().getError());
                throw new SlackCallFailed(method + " failed with HTTP " + status, "http_" + status);
            } catch (IOException e) {
                if (attempt < maxAttempts && stillTime(began)) {
                    log.info("Slack {} could not be reached ({}); retrying", method, e.getClass().getSimpleName());
                    pause(500L * attempt);
                    continue;
                }
                log.warn("Slack {} failed in channel {}: {}", method, where, e.toString());
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether a failed call may be tried again: only within {@link #RETRY_WITHIN} of its first try. */
    private boolean stillTime(long began) {
        return System.nanoTime() - began < retryWithin.toNanos();
    }

    /** For tests: how long after a call's first try another may start. */
    SlackChatPort retryingWithin(Duration within) {
        this.retryWithin = within;
        return this;
    }

    private static Optional<Long> retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? Optional.empty() : Optional.of(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException ignored) {
            return Optional.empty();
        }
    }

    private void pause(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("interrupted while waiting out a rate limit", "interrupted");
        }
    }
}
