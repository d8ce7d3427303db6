package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The whole coach on Slack, as in {@link SlackEndToEndTest}, in the tests that watch what it logs:
 * they run alone, so no other test's lines are taken for the coach's.
 */
@Isolated("it watches process-wide output: the log or the standard streams")
class SlackLogsEndToEndTest extends SlackEndToEndFixture {

    @Test
    void logsAtInfoHoldNoTokenSecretOrAnswerText() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        root.addAppender(captured);
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            String secretAnswer = "my-very-private-answer-about-profiling";
            String thread = startInChannel(ANA, 1);
            answer("C1", thread, ANA, secretAnswer + " with py-spy and a flame graph", "channel");
            posted("C1", thread, "Score ", "Scorecard");
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains("my-very-private-answer")).noneMatch(l -> l.contains("xoxb-test"))
                .noneMatch(l -> l.contains(SECRET));
    }

    @Test
    void aHugeOrForgedBodyIsRefusedBeforeAnythingReadsOrLogsIt() throws Exception {
        String marker = "INJECTED-LOG-LINE";
        String forged = "{\"type\":\"event_callback\",\"x\":\"\n" + marker + " ERROR admin logged in\"}";
        String huge = "{\"pad\":\"" + "x".repeat(2 << 20) + marker + "\"}";
        List<String> warnings = warningsDuring(() -> {
            for (int i = 0; i < 20; i++) {
                assertThat(send(requests.unsigned().signed(bot.url, "application/json", forged, java.util.Map.of()))
                        .statusCode()).isEqualTo(401);
            }
            // Asking first (Expect: 100-continue), so the refusal arrives before the body is sent.
            HttpRequest hugeRequest = HttpRequest.newBuilder(bot.url).expectContinue(true)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(huge)).build();
            assertThat(send(hugeRequest).statusCode()).as("larger than Slack ever sends").isEqualTo(413);
        });
        assertThat(warnings).as("one short line per kind, however many came").hasSizeBetween(1, 2)
                .allSatisfy(line -> assertThat(line).doesNotContain(marker).hasSizeLessThan(300));
    }

    @Test
    void eventsTheCoachDoesNotUseAreAcknowledgedQuietlyAndMalformedOnesRefused() throws Exception {
        List<String> warnings = warningsDuring(() -> {
            var join = SlackRequests.messageEvent("C1", ANA, "<@UANA> has joined the channel", SlackRequests.newTs(),
                    null, "channel");
            join.put("subtype", "channel_join");
            assertThat(send(requests.event(bot.url, "Ev-join", join)).statusCode()).isEqualTo(200);
            var me = SlackRequests.messageEvent("C1", ANA, "waves", SlackRequests.newTs(), null, "channel");
            me.put("subtype", "me_message");
            assertThat(send(requests.event(bot.url, "Ev-me", me)).statusCode()).isEqualTo(200);
            var reaction = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("type", "reaction_added").put("user", ANA).put("reaction", "tada");
            assertThat(send(requests.event(bot.url, "Ev-reaction", reaction)).statusCode()).isEqualTo(200);
            assertThat(send(requests.signed(bot.url, "application/json", "{\"type\": \"event_callback\", ",
                    java.util.Map.of())).statusCode()).as("signed but not JSON").isEqualTo(400);
        });
        assertThat(warnings).as("nothing worth a warning, except the one refusal")
                .allSatisfy(line -> assertThat(line).startsWith(SlackRequestGateName.NAME)).hasSizeLessThanOrEqualTo(1);
        nothingPosted();
    }
}
