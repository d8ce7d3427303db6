package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.reactions.ReactionsAddResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.UnknownBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.http.listener.HttpResponseListener;
import com.slack.api.util.json.GsonFactory;
import com.sun.net.httpserver.HttpServer;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared-Gson client answers exactly as the SDK's own client does, and the calls the coach makes
 * really go through it. Both fail if an SDK upgrade changes how responses are read or routed.
 */
class SharedGsonMethodsClientTest {

    private static final String TOKEN = "xoxb-test";

    /** What a chat.postMessage answer looks like, with the block types the coach sends and one the SDK does not know. */
    private static final String POSTED = """
            {"ok":true,"channel":"C1","ts":"1700000000.000100","warning":"missing_charset",
             "response_metadata":{"warnings":["missing_charset"]},
             "message":{"type":"message","subtype":"bot_message","text":"Question 2 of 5","user":"UBOT","bot_id":"BBOT",
              "ts":"1700000000.000100","thread_ts":"1699999999.000001","edited":{"user":"UBOT","ts":"1700000001.000000"},
              "blocks":[
               {"type":"header","block_id":"h","text":{"type":"plain_text","text":"Mock interview","emoji":true}},
               {"type":"section","block_id":"q","text":{"type":"mrkdwn","text":"*Tell me about a time*","verbatim":false}},
               {"type":"actions","block_id":"a","elements":[{"type":"button","action_id":"coach:hint",
                 "text":{"type":"plain_text","text":"Hint"},"value":"h","style":"primary"}]},
               {"type":"context","elements":[{"type":"mrkdwn","text":"2 of 5"}]},
               {"type":"rich_text","elements":[{"type":"rich_text_section","elements":[{"type":"text","text":"hi",
                 "style":{"bold":true}}]}]},
               {"type":"divider"},
               {"type":"a_block_from_next_year","text":"?"}]}}
            """;
    private static final String REFUSED = """
            {"ok":false,"error":"missing_scope","needed":"chat:write","provided":"channels:read",
             "warning":"superfluous_charset","response_metadata":{"messages":["[ERROR] missing scope"]}}
            """;
    private static final String USER = """
            {"ok":true,"user":{"id":"U1","team_id":"T1","name":"ada","deleted":false,"is_admin":true,"is_owner":false,
             "is_primary_owner":false,"tz":"Europe/London","tz_label":"GMT","tz_offset":0,"updated":1700000000,
             "profile":{"real_name":"Ada","display_name":"ada","email":"ada@example.com"}}}
            """;

    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final List<Slack> slacks = new ArrayList<>();
    private HttpServer server;
    private FakeSlack fake;

    @AfterEach
    void stop() throws Exception {
        for (Slack slack : slacks) {
            slack.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void aPostedMessageReadsTheSameBothWaysButForTheBlocksSlackEchoes() throws Exception {
        Object posted = sameBothWays(new SlackConfig(), new Answer(200, POSTED, Map.of()), postMessage(),
                "message.blocks", "message.attachments").result();
        // what was just sent is not read back: nothing uses it, and reading it was most of the answer's cost
        assertThat(((ChatPostMessageResponse) posted).getMessage().getBlocks()).isNull();
        assertThat(((ChatPostMessageResponse) posted).getMessage().getTs()).isEqualTo("1700000000.000100");
        assertThat(((ChatPostMessageResponse) posted).getMessage().getThreadTs()).isEqualTo("1699999999.000001");
        assertThat(((ChatPostMessageResponse) posted).getTs()).isEqualTo("1700000000.000100");
    }

    @Test
    void theSdkReadsTheEchoedBlocksWhichTheSharedClientLeaves() throws Exception {
        startServer();
        SlackConfig config = new SlackConfig();
        config.setStatsEnabled(false);
        config.setMethodsEndpointUrlPrefix(url());
        Slack slack = slack(config);
        answer.set(new Answer(200, POSTED, Map.of()));
        ChatPostMessageResponse bySdk = slack.methods(TOKEN).chatPostMessage(r -> r.channel("C1").text("hi"));
        assertThat(bySdk.getMessage().getBlocks()).hasSize(7).last().isInstanceOf(UnknownBlock.class);
    }

    @Test
    void slacksRefusalReadsTheSameBothWays() throws Exception {
        sameBothWays(new SlackConfig(), new Answer(200, REFUSED, Map.of()), postMessage());
    }

    @Test
    void aPersonReadsTheSameBothWays() throws Exception {
        sameBothWays(new SlackConfig(), new Answer(200, USER, Map.of()), c -> c.usersInfo(r -> r.user("U1")));
    }

    @Test
    void aRateLimitThrowsTheSameBothWays() throws Exception {
        Outcome outcome = sameBothWays(new SlackConfig(),
                new Answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "7")), postMessage());
        SlackApiException limited = (SlackApiException) outcome.result();
        assertThat(limited.getResponse().code()).isEqualTo(429);
        assertThat(limited.getResponse().header("Retry-After")).isEqualTo("7");
        assertThat(limited.getError().getError()).isEqualTo("ratelimited");
    }

    @Test
    void anErrorPageThatIsNotJsonThrowsTheSameBothWays() throws Exception {
        Outcome outcome = sameBothWays(new SlackConfig(),
                new Answer(502, "<html><body>Bad gateway</body></html>", Map.of("Content-Type", "text/html")),
                postMessage());
        assertThat(((SlackApiException) outcome.result()).getError()).isNull();
    }

    @Test
    void failOnUnknownPropertiesIsHonouredAsTheSdkHonoursIt() throws Exception {
        SlackConfig strict = new SlackConfig();
        strict.setFailOnUnknownProperties(true);
        Answer surprising = new Answer(200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\",\"surprise\":1}", Map.of());
        Outcome outcome = sameBothWays(strict, surprising, postMessage());
        assertThat(outcome.result()).isInstanceOf(RuntimeException.class);
        assertThat(((Throwable) outcome.result()).getMessage()).contains("surprise");
    }

    /**
     * Every Web API call the port makes is read by the client's one Gson, and a second call of a method
     * builds no type adapter again. If the SDK sent a method another way, its type would be missing here.
     */
    @Test
    void everyCallThePortMakesIsReadByTheOneGson() {
        fake = FakeSlack.start();
        SlackConfig config = config();
        config.setMethodsEndpointUrlPrefix(fake.methodsUrl());
        Slack slack = slack(config);
        AdaptersAskedFor asked = new AdaptersAskedFor();
        Gson gson = GsonFactory.createSnakeCase(config).newBuilder().registerTypeAdapterFactory(asked).create();
        var client = new SharedGsonMethodsClient(slack.getHttpClient(), TOKEN, gson);
        client.setEndpointUrlPrefix(fake.methodsUrl());
        SlackChatPort port = new SlackChatPort(client, millis -> { });
        UserRef ada = new UserRef(Platform.SLACK, FakeSlack.TEAM_ID, "U1");
        Place channel = Place.channel(Platform.SLACK, FakeSlack.TEAM_ID, "C1");

        port.verifyToken();
        var posted = port.post(channel, Reply.text("first"));
        port.post(channel, Reply.text("only for you").onlyTo(ada));
        port.update(posted, Reply.text("edited"));
        port.openDirect(ada);
        port.publishHome(ada, Reply.text("home"));
        port.mayManage(ada, channel);
        port.markReceived(posted);
        port.postFile(channel, Reply.text("notes"), "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        port.openModal("trigger-1", View.builder().type("modal").callbackId("cb").build());
        port.post(channel, Reply.text("second"));

        assertThat(asked.responses()).containsExactlyInAnyOrder(AuthTestResponse.class, ChatPostMessageResponse.class,
                ChatPostEphemeralResponse.class, ChatUpdateResponse.class, ConversationsOpenResponse.class,
                ViewsPublishResponse.class, UsersInfoResponse.class, ReactionsAddResponse.class,
                FilesGetUploadURLExternalResponse.class, FilesCompleteUploadExternalResponse.class,
                ViewsOpenResponse.class);
    }

    @Test
    void theCoachsPortUsesTheSharedGsonClient() throws Exception {
        var settings = new SlackSettings(TOKEN, Optional.of("signing-secret"), Optional.empty(),
                Optional.of("http://127.0.0.1:9/api/"), "127.0.0.1", 0, "/slack/events");
        try (var adapter = new SlackAdapter(settings, null, null, Clock.systemUTC(), millis -> { })) {
            assertThat(adapter.port()).extracting("client").isInstanceOf(SharedGsonMethodsClient.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A Web API call to make both ways. */
    @FunctionalInterface
    private interface ApiCall {
        SlackApiTextResponse run(MethodsClient client) throws IOException, SlackApiException;
    }

    private static ApiCall postMessage() {
        return c -> c.chatPostMessage(r -> r.channel("C1").text("Question 2 of 5"));
    }

    /** One fixed answer, whatever is asked. */
    private record Answer(int status, String body, Map<String, String> headers) {}

    /** What a call came to: the response or what it threw, and how many times the response listeners ran. */
    private record Outcome(Object result, int listened) {}

    /**
     * Makes the call through the SDK's own client and through the shared-Gson one, each against the
     * same fixed answer, and checks they come to the same: same response, same exception, same
     * response headers (but Date), the response listeners run as often.
     */
    /** {@code unread}: fields of a successful answer that the shared client is meant to leave unread. */
    private Outcome sameBothWays(SlackConfig config, Answer fixed, ApiCall call, String... unread) throws Exception {
        config.setStatsEnabled(false);
        AtomicInteger listened = new AtomicInteger();
        config.getHttpClientResponseHandlers().add(new HttpResponseListener() {
            @Override
            public void accept(State state) {
                listened.incrementAndGet();
            }
        });
        startServer();
        config.setMethodsEndpointUrlPrefix(url());
        Slack slack = slack(config);

        Outcome sdk = through(slack.methods(TOKEN), fixed, call, listened);
        Outcome shared = through(SharedGsonMethodsClient.of(slack, TOKEN), fixed, call, listened);

        assertThat(shared.listened()).isEqualTo(sdk.listened());
        if (sdk.result() instanceof SlackApiException expected) {
            assertThat(shared.result()).isInstanceOf(SlackApiException.class);
            SlackApiException actual = (SlackApiException) shared.result();
            assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
            assertThat(actual.getResponseBody()).isEqualTo(expected.getResponseBody());
            assertThat(actual.getError()).usingRecursiveComparison().isEqualTo(expected.getError());
            assertThat(actual.getResponse().code()).isEqualTo(expected.getResponse().code());
        } else if (sdk.result() instanceof Throwable expected) {
            assertThat(shared.result()).isInstanceOf(expected.getClass());
            assertThat(((Throwable) shared.result()).getMessage()).isEqualTo(expected.getMessage());
        } else {
            assertThat(shared.result()).isInstanceOf(sdk.result().getClass());
            List<String> ignored = new ArrayList<>(List.of(unread));
            ignored.add("httpResponseHeaders");
            assertThat(shared.result()).usingRecursiveComparison().ignoringFields(ignored.toArray(String[]::new))
                    .isEqualTo(sdk.result());
            assertThat(headersButDate(shared.result())).isEqualTo(headersButDate(sdk.result()));
            assertThat(headersButDate(shared.result())).isNotEmpty();
        }
        return shared;
    }

    private Outcome through(MethodsClient client, Answer fixed, ApiCall call, AtomicInteger listened) {
        answer.set(fixed);
        int before = listened.get();
        Object result;
        try {
            result = call.run(client);
        } catch (IOException | SlackApiException | RuntimeException e) {
            result = e;
        }
        return new Outcome(result, listened.get() - before);
    }

    private Slack slack(SlackConfig config) {
        Slack slack = Slack.getInstance(config);
        slacks.add(slack);
        return slack;
    }

    private static SlackConfig config() {
        SlackConfig config = new SlackConfig();
        config.setStatsEnabled(false);
        return config;
    }

    private static Map<String, List<String>> headersButDate(Object response) {
        Map<String, List<String>> headers = new HashMap<>(((SlackApiTextResponse) response).getHttpResponseHeaders());
        headers.remove("date");
        return headers;
    }

    private void startServer() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/api/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Answer now = answer.get();
                byte[] bytes = now.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                now.headers().forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(now.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** Notes each type a Gson builds an adapter for, and leaves the building to the others. */
    private static final class AdaptersAskedFor implements TypeAdapterFactory {
        private final List<Class<?>> types = new CopyOnWriteArrayList<>();

        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            types.add(type.getRawType());
            return null;
        }

        /** The Web API responses asked for, each as often as it was asked for. */
        List<Class<?>> responses() {
            return types.stream().filter(SlackApiTextResponse.class::isAssignableFrom).toList();
        }
    }
}
