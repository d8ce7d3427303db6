package dev.interviewcoach.bench;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.http.listener.HttpResponseListener;
import com.slack.api.util.json.GsonFactory;
import dev.interviewcoach.slack.SharedGsonMethodsClient;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One chat.postMessage through the Slack SDK's real MethodsClient against the fake Slack on
 * loopback, and the reading of its answer alone: with the SDK's own client ({@code sdk}, a new
 * Gson per response) and with {@link SharedGsonMethodsClient} ({@code shared}). Add
 * {@code -prof gc} for allocation per call; it counts the fake's threads too, the same both ways.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SlackClientBenchmark {

    private static final String TOKEN = "xoxb-bench";

    /** Which client: the SDK's own, or the shared-Gson one. */
    @Param({"sdk", "shared"})
    public String client;

    private FakeSlack fake;
    private SlackConfig config;
    private MethodsClient methods;
    private Gson shared;
    private List<LayoutBlock> blocks;
    private String answer;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SlackApiException {
        fake = FakeSlack.start();
        config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.methodsUrl());
        config.setStatsEnabled(false); // as the coach configures it
        AtomicReference<String> seen = new AtomicReference<>();
        config.getHttpClientResponseHandlers().add(new HttpResponseListener() {
            @Override
            public void accept(State state) {
                seen.set(state.getParsedResponseBody());
            }
        });
        Slack slack = Slack.getInstance(config);
        methods = client.equals("sdk") ? slack.methods(TOKEN) : SharedGsonMethodsClient.of(slack, TOKEN);
        shared = GsonFactory.createSnakeCase(config);
        blocks = question();
        postMessage();
        // The fake echoes the blocks back in the message, as Slack does: the answer is as big as the question.
        answer = seen.get();
        config.getHttpClientResponseHandlers().removeLast();
    }

    /** The fake keeps every call for tests to look at; a benchmark makes too many to keep. */
    @Setup(Level.Iteration)
    public void forgetCalls() {
        fake.reset();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fake.close();
    }

    /** A question as the coach posts one: text, a button row and a progress line. */
    private static List<LayoutBlock> question() {
        return List.of(
                SectionBlock.builder().blockId("q").text(MarkdownTextObject.builder()
                        .text("*Question 2 of 5.* Tell me about a time you had to make a decision without all the data"
                                + " you wanted. What did you do, and what happened?").build()).build(),
                ActionsBlock.builder().blockId("a").elements(List.of(
                        ButtonElement.builder().actionId("coach:hint").value("hint")
                                .text(PlainTextObject.builder().text("Hint").build()).build(),
                        ButtonElement.builder().actionId("coach:skip").value("skip")
                                .text(PlainTextObject.builder().text("Skip").build()).build(),
                        ButtonElement.builder().actionId("coach:stop").value("stop").style("danger")
                                .text(PlainTextObject.builder().text("Stop").build()).build())).build(),
                ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                        .text("Behavioural interview \u00b7 answer in this thread").build())).build());
    }

    /** The whole call: form, HTTP on loopback, the answer read into a ChatPostMessageResponse. */
    @Benchmark
    public ChatPostMessageResponse postMessage() throws IOException, SlackApiException {
        return methods.chatPostMessage(r -> r.channel("C1").threadTs("1700000000.000100")
                .text("Question 2 of 5").blocks(blocks).unfurlLinks(false).unfurlMedia(false));
    }

    /** Reading that answer alone, as each client reads it. */
    @Benchmark
    public ChatPostMessageResponse readAnswer() {
        Gson gson = client.equals("sdk") ? GsonFactory.createSnakeCase(config) : shared;
        return gson.fromJson(answer, ChatPostMessageResponse.class);
    }
}
