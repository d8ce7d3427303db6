package dev.interviewcoach.bench;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.http.listener.HttpResponseListener;
import com.slack.api.util.json.GsonFactory;
import dev.interviewcoach.slack.SharedGsonMethodsClient;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.IOException;
import java.util.ArrayList;
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

    /** What is posted: a question as the coach posts one, or feedback with the next question (about 3 KB of blocks). */
    @Param({"question", "feedback"})
    public String reply;

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
        blocks = reply.equals("question") ? question() : feedback();
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

    /** Feedback on an answer and the next question, in one message, as the coach posts it after an answer. */
    private static List<LayoutBlock> feedback() {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(PlainTextObject.builder().text("Score 2/5").emoji(true).build()).build());
        blocks.add(section("I could tie little of this answer to the question's key points (1 of 4)."));
        blocks.add(section("*Covered*"));
        blocks.add(section("\u2022 Gives a measurable result. _(you said \"...minute and saw that seventy percent of the time"
                + " went into an N+1 query...\")_"));
        blocks.add(section("*Missed*"));
        blocks.add(section("\u2022 Describes the vague request and the change in priorities.\n\u2022 Turned a vague request"
                + " into concrete, agreed requirements.\n\u2022 Re-scoped the work and made the trade-off explicit to"
                + " stakeholders."));
        blocks.add(section("*To improve*"));
        blocks.add(section("\u2022 This reads as an answer to a different question. Re-read what was asked (Describe a time"
                + " when the requirements were vague and priorities changed while you were in the mid...) and answer that"
                + " directly.\n\u2022 You said \"Then I added a test with django-assert-num-queries so the regression cannot"
                + " come back quietly\", but it matters here: describes the vague request and the change in priorities."));
        blocks.add(section("*An interviewer might follow up:* _What would you have done if the CEO had insisted on both"
                + " at once?_"));
        blocks.add(DividerBlock.builder().build());
        blocks.add(HeaderBlock.builder().text(PlainTextObject.builder().text("Question 2 of 5").emoji(true).build()).build());
        blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text("`\u25a0\u25a0\u25a1\u25a1\u25a1\u25a1\u25a1\u25a1\u25a1\u25a1`  1/5 done  \u00b7  python-developer")
                .build())).build());
        blocks.add(section("*How do you use type hints and a type checker like mypy in a growing Python codebase, and"
                + " where do they stop paying off?*"));
        blocks.add(SectionBlock.builder().fields(List.of(
                MarkdownTextObject.builder().text("*Kind*\ntechnical").build(),
                MarkdownTextObject.builder().text("*Topics*\ntyping, code-quality").build(),
                MarkdownTextObject.builder().text("*Level*\ncore").build())).build());
        List<BlockElement> buttons = new ArrayList<>();
        for (String name : List.of("hint", "skip", "repeat", "end")) {
            buttons.add(ButtonElement.builder().actionId("coach:mock:" + name + ":7aac32f2-288f-619d-8ae4-43668c911315:1")
                    .value(name).text(PlainTextObject.builder().text(name).emoji(true).build())
                    .style(name.equals("end") ? "danger" : null).build());
        }
        blocks.add(ActionsBlock.builder().elements(buttons).build());
        return blocks;
    }

    private static SectionBlock section(String markdown) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(markdown).build()).build();
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
