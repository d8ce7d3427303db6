package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.PlatformUnavailable;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack's errors that no retry can change come out as refusals, with words for the person; the others do not. */
class SlackRefusalsTest {

    private static final Place CHANNEL = Place.channel(Platform.SLACK, FakeSlack.TEAM_ID, "C1");

    private FakeSlack slack;
    private SlackChatPort port;

    @BeforeEach
    void aPortOnTheFakeSlack() {
        slack = FakeSlack.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.methodsUrl());
        port = new SlackChatPort(SharedGsonMethodsClient.of(Slack.getInstance(config), "xoxb-1234-5678-refusals-test"),
                millis -> { }, Set.of());
    }

    @AfterEach
    void close() {
        slack.close();
    }

    @Test
    void aReplySlackWillNeverTakeIsRefusedWithWordsForThePerson() {
        slack.failNext("chat.postMessage", "msg_too_long");
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("far too long")))
                .isInstanceOf(PlatformRefusal.class)
                .hasMessage("Slack would not take part of my reply (msg_too_long), so it is missing here. Your progress"
                        + " is saved: type repeat to see the current question again, or stats for your results.");
        assertThat(slack.calls("chat.postMessage")).as("not tried again inside the call either").hasSize(1);

        slack.failNext("chat.postMessage", "is_archived");
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello")))
                .isInstanceOf(PlatformRefusal.class).hasMessageStartingWith("This channel is archived");
    }

    @Test
    void anEditOfAMessageThatIsGoneIsRefusedNotRetried() {
        slack.failNext("chat.update", "message_not_found");
        assertThatThrownBy(() -> port.update(new MessageRef(CHANNEL, "1700000000.000100"), Reply.text("retired")))
                .isInstanceOf(PlatformRefusal.class).hasMessage("The message I meant to change is no longer there.");
    }

    @Test
    void aCallThatKeepsFailingStopsTryingSoonEnoughThatItsClaimOnTheReplyHolds() {
        slack.serverErrorNext("chat.postMessage", 10);
        slack.answerAfter(java.time.Duration.ofMillis(400));
        port.retryingWithin(java.time.Duration.ofSeconds(1));
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello"))).isInstanceOf(PlatformUnavailable.class);
        // Tries start 0.4 s apart at the least, so a fourth would start after the second the tries may take.
        assertThat(slack.calls("chat.postMessage")).as("no try started after the time for tries").hasSizeBetween(1, 3);
    }

    @Test
    void aRevokedTokenIsARefusalAndShowsOnReadinessUntilACallGoesThroughAgain() {
        slack.failNext("chat.postMessage", "token_revoked");
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello")))
                .isInstanceOf(PlatformRefusal.class).hasMessageContaining("A workspace admin needs to reinstall the app");
        assertThat(port.accessProblem()).get().asString()
                .startsWith("Slack refused the bot token (token_revoked) on chat.postMessage at ")
                .endsWith("; check SLACK_BOT_TOKEN, or reinstall the app");

        port.post(CHANNEL, Reply.text("hello again"));
        assertThat(port.accessProblem()).isEmpty();
    }

    @Test
    void aChannelThatLetsOnlySomePeoplePostIsARefusalButNotAProblemWithTheToken() {
        slack.failNext("chat.postMessage", "restricted_action");
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello")))
                .isInstanceOf(PlatformRefusal.class).hasMessageStartingWith("This channel's settings don't let me post");
        slack.failNext("chat.postMessage", "missing_scope");
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello"))).isInstanceOf(PlatformRefusal.class);
        assertThat(port.accessProblem()).as("readiness is about the token").isEmpty();
        slack.failNext("chat.postMessage", "token_expired");
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello"))).as("while tokens rotate, tried again")
                .isNotInstanceOf(PlatformRefusal.class);
    }

    @Test
    void slacksOwnTroubleIsNotARefusalSoTheOutboxTriesAgainForLonger() {
        slack.failNext("chat.postMessage", "internal_error");
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello")))
                .isInstanceOf(PlatformUnavailable.class).hasMessage("Slack chat.postMessage: internal_error");
        slack.serverErrorNext("chat.postMessage", 10);
        assertThatThrownBy(() -> port.post(CHANNEL, Reply.text("hello"))).as("a 5xx still there after the call's own"
                + " tries").isInstanceOf(PlatformUnavailable.class);
        assertThat(SlackRefusals.of("chat.postMessage", "fatal_error")).isEmpty();
        assertThat(SlackRefusals.of("chat.postMessage", "http_503")).isEmpty();
        assertThat(SlackRefusals.of("chat.postMessage", "http_400")).isPresent();
        assertThat(SlackRefusals.of("chat.postMessage", "channel_not_found")).as("handled as not a member").isEmpty();
        assertThat(SlackRefusals.of("chat.update", "channel_not_found")).isPresent();
    }
}
