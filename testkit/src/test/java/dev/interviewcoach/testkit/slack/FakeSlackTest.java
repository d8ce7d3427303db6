package dev.interviewcoach.testkit.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.request.EventsApiEnvelope;
import com.slack.api.socket_mode.request.SlashCommandsEnvelope;
import com.slack.api.socket_mode.response.AckResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeSlackTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String BOT_TOKEN = "xoxb-test";
    private static final String APP_TOKEN = "xapp-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeSlack fake;
    private Slack slack;

    @BeforeEach
    void start() {
        fake = FakeSlack.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.methodsUrl());
        slack = Slack.getInstance(config);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void realSdkWebApiCallsParseAndAreRecorded() throws Exception {
        MethodsClient methods = slack.methods(BOT_TOKEN);

        AuthTestResponse auth = methods.authTest(r -> r);
        assertThat(auth.isOk()).isTrue();
        assertThat(auth.getUserId()).isEqualTo("UBOT");
        assertThat(auth.getBotId()).isEqualTo("BBOT");
        assertThat(auth.getTeamId()).isEqualTo("T0TEST");

        ChatPostMessageResponse first = methods.chatPostMessage(r -> r
                .channel("C123")
                .text("Question 1")
                .threadTs("1699999999.000001")
                .blocks(asBlocks(section(s -> s.blockId("q").text(markdownText("*Tell me about yourself*"))))));
        ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel("C123").text("Question 2"));
        assertThat(first.isOk()).isTrue();
        assertThat(first.getChannel()).isEqualTo("C123");
        assertThat(first.getTs()).matches("\\d{10}\\.\\d{6}");
        assertThat(first.getMessage().getText()).isEqualTo("Question 1");
        assertThat(first.getMessage().getThreadTs()).isEqualTo("1699999999.000001");
        assertThat(first.getMessage().getTs()).isEqualTo(first.getTs());
        assertThat(second.getTs()).isGreaterThan(first.getTs());

        ConversationsOpenResponse open = methods.conversationsOpen(r -> r.users(List.of("U123")));
        assertThat(open.isOk()).isTrue();
        assertThat(open.getChannel().getId()).isEqualTo("DU123");

        View home = View.builder().type("home")
                .blocks(asBlocks(section(s -> s.text(markdownText("Welcome"))))).build();
        ViewsPublishResponse published = methods.viewsPublish(r -> r.userId("U123").view(home));
        assertThat(published.isOk()).isTrue();
        assertThat(published.getView().getId()).startsWith("V");

        assertThat(fake.calls()).extracting(ApiCall::method).containsExactly(
                "auth.test", "chat.postMessage", "chat.postMessage", "conversations.open", "views.publish");
        ApiCall post = fake.calls("chat.postMessage").get(0);
        assertThat(post.token()).isEqualTo(BOT_TOKEN);
        assertThat(post.arg("channel")).isEqualTo("C123");
        assertThat(post.arg("text")).isEqualTo("Question 1");
        assertThat(post.args().get("blocks").isArray()).isTrue();
        assertThat(post.args().at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(post.args().at("/blocks/0/text/text").asText()).isEqualTo("*Tell me about yourself*");
        assertThat(fake.calls("conversations.open").get(0).arg("users")).isEqualTo("U123");
        ApiCall publish = fake.calls("views.publish").get(0);
        assertThat(publish.arg("user_id")).isEqualTo("U123");
        assertThat(publish.args().at("/view/type").asText()).isEqualTo("home");

        ApiCall awaited = fake.awaitCall("chat.postMessage", c -> "Question 2".equals(c.arg("text")), WAIT);
        assertThat(awaited).isSameAs(fake.calls("chat.postMessage").get(1));
    }

    @Test
    void sdkWithStatsEnabledLooksUpTheTeamWithAHiddenAuthTestOncePerToken() throws Exception {
        // Pinned because it surprises: end-to-end tests counting calls must expect (or filter) this auth.test,
        // or build their SlackConfig with setStatsEnabled(false).
        slack.methods(BOT_TOKEN).chatPostMessage(r -> r.channel("C1").text("a"));
        slack.methods(BOT_TOKEN).chatPostMessage(r -> r.channel("C1").text("b"));
        assertThat(fake.calls()).extracting(ApiCall::method)
                .containsExactly("auth.test", "chat.postMessage", "chat.postMessage");
        assertThat(fake.calls("chat.postMessage").get(0).args().has("token")).isFalse();

        SlackConfig quiet = new SlackConfig();
        quiet.setMethodsEndpointUrlPrefix(fake.methodsUrl());
        quiet.setStatsEnabled(false);
        fake.reset();
        // Not try-with-resources: Slack.close() declares Exception, which -Xlint:try flags there.
        Slack withoutStats = Slack.getInstance(quiet);
        try {
            withoutStats.methods(BOT_TOKEN).chatPostMessage(r -> r.channel("C1").text("c"));
        } finally {
            withoutStats.close();
        }
        assertThat(fake.calls()).extracting(ApiCall::method).containsExactly("chat.postMessage");
    }

    @Test
    void answersCanComeAsLateAsSlacksWithoutHoldingTheServer() throws Exception {
        fake.answerAfter(java.time.Duration.ofMillis(300));
        SlackConfig quiet = new SlackConfig(); // without the SDK's statistics, whose hidden auth.test other tests count
        quiet.setMethodsEndpointUrlPrefix(fake.methodsUrl());
        quiet.setStatsEnabled(false);
        MethodsClient methods = Slack.getInstance(quiet).methods(BOT_TOKEN);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            long start = System.nanoTime();
            List<java.util.concurrent.Future<ChatPostMessageResponse>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                posts.add(callers.submit(() -> methods.chatPostMessage(r -> r.channel("C1").text("late " + n))));
            }
            for (var post : posts) {
                assertThat(post.get().isOk()).isTrue();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            // eight calls at once against a server of four threads: all late, none queued behind another's wait
            assertThat(millis).isBetween(300L, 2_000L);
        } finally {
            callers.shutdownNow();
            fake.answerAfter(java.time.Duration.ZERO);
        }
    }

    @Test
    void rateLimitReachesTheSdkAsA429WithRetryAfter() throws Exception {
        fake.rateLimitNext("chat.postMessage", 1, 7);
        MethodsClient methods = slack.methods(BOT_TOKEN);

        assertThatThrownBy(() -> methods.chatPostMessage(r -> r.channel("C1").text("hi")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                    assertThat(e.getError().getError()).isEqualTo("ratelimited");
                });
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("hi")).isOk()).isTrue();
        assertThat(fake.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void failNextAnswersOneErrorThenRecovers() throws Exception {
        fake.failNext("reactions.add", "already_reacted");
        MethodsClient methods = slack.methods(BOT_TOKEN);

        var failed = methods.reactionsAdd(r -> r.channel("C1").timestamp("1.2").name("thumbsup"));
        assertThat(failed.isOk()).isFalse();
        assertThat(failed.getError()).isEqualTo("already_reacted");
        assertThat(methods.reactionsAdd(r -> r.channel("C1").timestamp("1.2").name("thumbsup")).isOk()).isTrue();

        fake.reset();
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void jsonBodiesAreParsedAndAwaitCallTimesOutWithTheCallsSeen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.methodsUrl() + "chat.update"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer xoxb-json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"channel\":\"C9\",\"ts\":\"1.000100\",\"text\":\"edited\",\"blocks\":[{\"type\":\"divider\"}]}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("ts").asText()).isEqualTo("1.000100");
        ApiCall call = fake.awaitCall("chat.update", c -> true, WAIT);
        assertThat(call.token()).isEqualTo("xoxb-json");
        assertThat(call.args().at("/blocks/0/type").asText()).isEqualTo("divider");

        assertThatThrownBy(() -> fake.awaitCall("chat.delete", c -> true, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("chat.delete")
                .hasMessageContaining("chat.update");
    }

    @Test
    void socketModeClientConnectsReceivesEnvelopesAndAcks() throws Exception {
        BlockingQueue<EventsApiEnvelope> events = new LinkedBlockingQueue<>();
        try (SocketModeClient client = slack.socketMode(APP_TOKEN, SocketModeClient.Backend.JavaWebSocket)) {
            client.addEventsApiEnvelopeListener(envelope -> {
                events.add(envelope);
                client.sendSocketModeResponse(AckResponse.builder().envelopeId(envelope.getEnvelopeId()).build());
            });
            client.addSlashCommandsEnvelopeListener((SlashCommandsEnvelope envelope) -> client.sendSocketModeResponse(
                    "{\"envelope_id\":\"" + envelope.getEnvelopeId() + "\",\"payload\":{\"text\":\"on it\"}}"));
            client.connect();
            fake.awaitSocketConnected(WAIT);
            assertThat(fake.socketConnected()).isTrue();
            assertThat(fake.calls("apps.connections.open")).singleElement()
                    .extracting(ApiCall::token).isEqualTo(APP_TOKEN);

            ObjectNode callback = JSON.createObjectNode();
            callback.put("type", "event_callback");
            callback.put("event_id", "Ev1");
            callback.set("event", SlackRequests.appMention("C1", "U1", "<@UBOT> hi", "1.000001", null));
            String envelopeId = fake.sendEnvelope("events_api", callback);

            JsonNode ack = fake.awaitAck(envelopeId, WAIT);
            assertThat(ack.get("envelope_id").asText()).isEqualTo(envelopeId);
            EventsApiEnvelope received = events.poll(5, TimeUnit.SECONDS);
            assertThat(received).isNotNull();
            assertThat(received.getAcceptsResponsePayload()).isFalse();
            assertThat(received.getPayload().getAsJsonObject().getAsJsonObject("event").get("type").getAsString())
                    .isEqualTo("app_mention");

            ObjectNode command = JSON.createObjectNode();
            command.put("command", "/coach").put("text", "start").put("user_id", "U1").put("channel_id", "C1");
            String commandId = fake.sendEnvelope("slash_commands", command);
            assertThat(fake.awaitAck(commandId, WAIT).at("/payload/text").asText()).isEqualTo("on it");

            assertThatThrownBy(() -> fake.awaitAck("never-sent", Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("never-sent");
        }
    }

    @Test
    void slackRequestsAreSignedTheWayTheSdkVerifies() throws Exception {
        String secret = "s3cr3t";
        BlockingQueue<Captured> captured = new LinkedBlockingQueue<>();
        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        app.createContext("/slack/events", exchange -> {
            try (exchange) {
                captured.add(new Captured(exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Slack-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Slack-Retry-Num"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        app.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/slack/events");
            HttpClient http = HttpClient.newHttpClient();
            SlackRequests requests = new SlackRequests(secret);
            SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(secret));

            http.send(requests.slashCommand(url, "T0TEST", "D1", "U1", "start behavioral"),
                    HttpResponse.BodyHandlers.discarding());
            Captured command = captured.take();
            assertThat(verifier.isValid(command.timestamp(), command.body(), command.signature())).isTrue();
            Map<String, String> form = formFields(command.body());
            assertThat(form).containsEntry("command", "/coach").containsEntry("text", "start behavioral")
                    .containsEntry("channel_id", "D1").containsEntry("user_id", "U1");

            JsonNode event = SlackRequests.messageEvent("D1", "U1", "hello", SlackRequests.newTs(), null, "im");
            http.send(requests.eventRetry(url, "Ev9", event, 2), HttpResponse.BodyHandlers.discarding());
            Captured retry = captured.take();
            assertThat(verifier.isValid(retry.timestamp(), retry.body(), retry.signature())).isTrue();
            assertThat(retry.retryNum()).isEqualTo("2");
            assertThat(JSON.readTree(retry.body()).at("/event/channel_type").asText()).isEqualTo("im");

            http.send(requests.blockAction(url, "U1", "C1", "1.000100", "next", "q2"),
                    HttpResponse.BodyHandlers.discarding());
            Captured action = captured.take();
            assertThat(verifier.isValid(action.timestamp(), action.body(), action.signature())).isTrue();
            JsonNode payload = JSON.readTree(formFields(action.body()).get("payload"));
            assertThat(payload.at("/actions/0/action_id").asText()).isEqualTo("next");
            assertThat(payload.at("/container/message_ts").asText()).isEqualTo("1.000100");

            http.send(requests.badlySigned().slashCommand(url, "T0TEST", "C1", "U1", "x"),
                    HttpResponse.BodyHandlers.discarding());
            Captured bad = captured.take();
            assertThat(verifier.isValid(bad.timestamp(), bad.body(), bad.signature())).isFalse();

            http.send(requests.unsigned().slashCommand(url, "T0TEST", "C1", "U1", "x"),
                    HttpResponse.BodyHandlers.discarding());
            Captured unsigned = captured.take();
            assertThat(unsigned.signature()).isNull();
            assertThat(unsigned.timestamp()).isNull();

            http.send(requests.stale().slashCommand(url, "T0TEST", "C1", "U1", "x"),
                    HttpResponse.BodyHandlers.discarding());
            Captured stale = captured.take();
            assertThat(verifier.isValid(stale.timestamp(), stale.body(), stale.signature())).isFalse();
        } finally {
            app.stop(0);
        }
    }

    @Test
    void usersInfoAnswersWithTheProfileATestSetAndAPlainMemberOtherwise() throws Exception {
        fake.setUser("UBOSS", UserProfile.member().asPrimaryOwner().inZone("Europe/Lisbon"));
        MethodsClient methods = slack.methods(BOT_TOKEN);

        var boss = methods.usersInfo(r -> r.user("UBOSS")).getUser();
        assertThat(boss.isPrimaryOwner()).isTrue();
        assertThat(boss.isAdmin()).isFalse();
        assertThat(boss.getTz()).isEqualTo("Europe/Lisbon");
        var stranger = methods.usersInfo(r -> r.user("USTRANGER")).getUser();
        assertThat(stranger.isAdmin() || stranger.isOwner() || stranger.isPrimaryOwner()).isFalse();
        assertThat(stranger.getTz()).isNull();
    }

    @Test
    void theSameReactionTwiceIsAlreadyReacted() throws Exception {
        MethodsClient methods = slack.methods(BOT_TOKEN);
        assertThat(methods.reactionsAdd(r -> r.channel("C1").timestamp("1.2").name("eyes")).isOk()).isTrue();
        assertThat(methods.reactionsAdd(r -> r.channel("C1").timestamp("1.2").name("eyes")).getError())
                .isEqualTo("already_reacted");
        assertThat(methods.reactionsAdd(r -> r.channel("C1").timestamp("1.3").name("eyes")).isOk()).isTrue();
    }

    @Test
    void anOpenedModalIsRecordedWithTheIdTheAppWasGiven() throws Exception {
        View modal = View.builder().type("modal").callbackId("cb").privateMetadata("meta")
                .title(com.slack.api.model.view.ViewTitle.builder().type("plain_text").text("Form").build())
                .blocks(List.of(com.slack.api.model.block.InputBlock.builder().blockId("b1")
                        .label(com.slack.api.model.block.composition.PlainTextObject.builder().text("Say").build())
                        .element(com.slack.api.model.block.element.PlainTextInputElement.builder().actionId("text").build())
                        .build()))
                .build();
        var opened = slack.methods(BOT_TOKEN).viewsOpen(r -> r.triggerId("trig-1").view(modal));
        assertThat(opened.isOk()).isTrue();
        OpenedView view = fake.awaitOpenedView(v -> "trig-1".equals(v.triggerId()), WAIT);
        assertThat(view.id()).isEqualTo(opened.getView().getId());
        assertThat(view.callbackId()).isEqualTo("cb");
        assertThat(view.title()).isEqualTo("Form");
        assertThat(slack.methods(BOT_TOKEN).viewsOpen(r -> r.view(modal)).getError()).isEqualTo("invalid_trigger_id");
    }

    @Test
    void theSdksFilesUploadV2GoesThroughAndTheFileCanBeReadBack() throws Exception {
        byte[] content = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        var uploaded = slack.methods(BOT_TOKEN).filesUploadV2(r -> r.channel("D1").filename("notes.txt")
                .title("notes.txt").fileData(content).initialComment("Here you go"));
        assertThat(uploaded.isOk()).isTrue();
        UploadedFile file = fake.awaitUpload(f -> true, WAIT);
        assertThat(file.id()).isEqualTo(uploaded.getFile().getId());
        assertThat(file.name()).isEqualTo("notes.txt");
        assertThat(file.content()).isEqualTo(content);
        assertThat(file.channel()).isEqualTo("D1");
        assertThat(file.initialComment()).isEqualTo("Here you go");
        assertThat(fake.calls()).extracting(ApiCall::method)
                .contains("files.getUploadURLExternal", "files.completeUploadExternal");
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private record Captured(String timestamp, String signature, String retryNum, String body) {
    }
}
