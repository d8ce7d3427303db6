package dev.interviewcoach.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.view.View;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's voice on Slack, through the Web API: messages (in threads too), ephemeral notes,
 * edits, DMs and the App Home. A rate-limited call waits as long as Slack asks and tries again;
 * a failure is logged with the method, channel and Slack's error, never with the text.
 */
public final class SlackChatPort implements ChatPort {

    private static final Logger log = LoggerFactory.getLogger(SlackChatPort.class);
    private static final int MAX_ATTEMPTS = 4;
    private static final long MAX_WAIT_SECONDS = 30;
    private static final int HOME_MAX_BLOCKS = 100;

    /** A Slack call that failed for good, with Slack's error code when it gave one. */
    public static final class SlackCallFailed extends RuntimeException {
        private final String error;

        SlackCallFailed(String message, String error) {
            super(message);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** Slack errors that mean the bot is not in the conversation. */
    private static final java.util.Set<String> NOT_A_MEMBER = java.util.Set.of("not_in_channel", "channel_not_found",
            "is_archived");

    /** One Web API call, so it can be retried. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private final MethodsClient client;
    private final Sleeper sleeper;

    /** How the port waits out a rate limit; tests make it instant. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public SlackChatPort(MethodsClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /**
     * Checks the bot token with Slack ({@code auth.test}) and returns the bot's user id, so a wrong
     * token stops start-up with a clear message instead of failing on the first event.
     */
    public String verifyToken() {
        var auth = call("auth.test", null, () -> client.authTest(r -> r));
        return auth.getUserId();
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
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
            throw new PlatformRefusal("I'm not in this channel, so I can't post here. Invite me with /invite @coach,"
                    + " or send me a direct message to practise privately.");
        }
    }

    private MessageRef send(Place place, Reply reply) {
        MessageRef first = null;
        for (SlackBlocks.Message message : SlackBlocks.messages(reply)) {
            if (reply.visibility() instanceof Visibility.OnlyTo only && place.kind() != Place.Kind.DIRECT) {
                call("chat.postEphemeral", place, () -> client.chatPostEphemeral(r -> r.channel(place.channelId())
                        .user(only.user().userId()).threadTs(place.threadId()).text(message.text())
                        .blocks(message.blocks())));
                continue;
            }
            ChatPostMessageResponse posted = call("chat.postMessage", place, () -> client.chatPostMessage(r -> r
                    .channel(place.channelId()).threadTs(place.threadId()).text(message.text()).blocks(message.blocks())
                    .linkNames(false).unfurlLinks(false).unfurlMedia(false)));
            if (first == null) {
                first = new MessageRef(place, posted.getTs());
            }
        }
        return first == null ? new MessageRef(place, "") : first;
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        MessageRef ref = post(channel, opening);
        return channel.thread(ref.messageId());
    }

    @Override
    public Place openDirect(UserRef user) {
        ConversationsOpenResponse opened = call("conversations.open", null,
                () -> client.conversationsOpen(r -> r.users(List.of(user.userId()))));
        return Place.direct(Platform.SLACK, user.tenant(), opened.getChannel().getId());
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        SlackBlocks.Message first = SlackBlocks.messages(reply).getFirst();
        call("chat.update", message.place(), () -> client.chatUpdate(r -> r.channel(message.place().channelId())
                .ts(message.messageId()).text(first.text()).blocks(first.blocks())));
    }

    @Override
    public void publishHome(UserRef user, Reply home) {
        var blocks = SlackBlocks.blocks(home);
        var shown = blocks.size() <= HOME_MAX_BLOCKS ? blocks : blocks.subList(0, HOME_MAX_BLOCKS);
        View view = View.builder().type("home").blocks(List.copyOf(shown)).build();
        call("views.publish", null, () -> client.viewsPublish(r -> r.userId(user.userId()).view(view)));
    }

    private <T extends SlackApiTextResponse> T call(String method, Place place, Call<T> call) {
        String where = place == null ? "-" : place.channelId();
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    log.warn("Slack {} failed in channel {}: {}", method, where, response.getError());
                    throw new SlackCallFailed(method + " failed: " + response.getError(), response.getError());
                }
                if (attempt > 1) {
                    log.info("Slack {} went through on attempt {}", method, attempt);
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().code();
                if (status == 429 && attempt < MAX_ATTEMPTS) {
                    long wait = retryAfter(e).orElse(1L);
                    log.info("Slack {} rate-limited in channel {}; retrying in {} s (attempt {})", method, where, wait, attempt);
                    pause(Math.min(wait, MAX_WAIT_SECONDS) * 1000);
                    continue;
                }
                if (status >= 500 && attempt < MAX_ATTEMPTS) {
                    log.info("Slack {} answered HTTP {} in channel {}; retrying (attempt {})", method, status, where, attempt);
                    pause(500L * attempt);
                    continue;
                }
                log.warn("Slack {} failed in channel {}: HTTP {} {}", method, where, status,
                        e.getError() == null ? "" : e.getError().getError());
                throw new SlackCallFailed(method + " failed with HTTP " + status, "http_" + status);
            } catch (IOException e) {
                if (attempt < MAX_ATTEMPTS) {
                    log.info("Slack {} could not be reached ({}); retrying", method, e.getClass().getSimpleName());
                    pause(500L * attempt);
                    continue;
                }
                log.warn("Slack {} failed in channel {}: {}", method, where, e.toString());
                throw new UncheckedIOException(e);
            }
        }
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
