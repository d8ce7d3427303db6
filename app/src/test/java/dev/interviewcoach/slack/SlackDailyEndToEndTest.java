package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewcoach.app.StoredDailyAnswers;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.OpenedView;
import dev.interviewcoach.testkit.slack.SlackRequests;
import dev.interviewcoach.testkit.slack.UserProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question of the day on Slack, end to end: an admin subscribes a channel, the question is
 * posted, three people answer (privately through the modal, or in the thread), each gets feedback
 * only they can see, and the reveal shows the recap with exactly the answers that were shared.
 */
class SlackDailyEndToEndTest {

    private static final String SECRET = "daily-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String ADMIN = "UADMIN";
    private static final List<String> PEOPLE = List.of("UANA", "UBEN", "UCAT");
    private static final String ANSWER = "I would profile first with py-spy to find the hot path, measure p99 latency,"
            + " then fix the slowest query with an index and compare before and after; in one service that took p99"
            + " from 900 ms to 150 ms.";

    @TempDir
    Path dir;

    private CoachOnFakeSlack fake;
    private FakeSlack slack;
    private Coach coach;
    private SlackAdapter adapter;
    private URI url;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackRequests requests = new SlackRequests(SECRET);

    @BeforeEach
    void start() throws Exception {
        fake = CoachOnFakeSlack.start(dir, SECRET, "xoxb-daily", Clock.systemUTC(), 11);
        slack = fake.slack;
        coach = fake.coach;
        adapter = fake.adapter;
        url = fake.url;
        slack.setUser(ADMIN, UserProfile.member().asAdmin().inZone("Europe/Berlin"));
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    private void send(HttpRequest request) throws Exception {
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private ApiCall command(String user, String text) throws Exception {
        int before = slack.calls("chat.postEphemeral").size();
        send(requests.slashCommand(url, TEAM, "C1", user, text));
        return slack.awaitCall("chat.postEphemeral", c -> user.equals(c.arg("user"))
                && slack.calls("chat.postEphemeral").indexOf(c) >= before, WAIT);
    }

    private ApiCall post() {
        return slack.awaitCall("chat.postMessage", c -> "C1".equals(c.arg("channel")) && c.arg("thread_ts") == null
                && c.arg("text") != null && c.arg("text").startsWith("Question of the day"), WAIT);
    }

    /** The action id of the button with this label in a recorded message. */
    private static String button(ApiCall message, String label) {
        for (JsonNode block : message.args().path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText()) && label.equals(element.path("text").path("text").asText())) {
                    return element.path("action_id").asText();
                }
            }
        }
        throw new AssertionError("no button \"" + label + "\" in " + message);
    }

    private String postTs() {
        var sub = coach.subscriptions().find(Place.channel(Platform.SLACK, TEAM, "C1")).orElseThrow();
        return coach.dailyPosts().latest(sub.id()).orElseThrow().messageId();
    }

    private List<ApiCall> everyoneCanSee() {
        return slack.calls().stream().filter(c -> c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
                .toList();
    }

    @Test
    void sealedAnswersGoThroughTheModalStayPrivateAndTheRevealShowsOnlyTheSharedOne() throws Exception {
        assertThat(command("UANA", "daily subscribe").arg("text")).contains("Only people who manage this channel");
        assertThat(command(ADMIN, "daily subscribe python-developer").arg("text"))
                .contains("every weekday at 09:00 Europe/Berlin").contains("answered privately");
        assertThat(command(ADMIN, "daily now").arg("text")).startsWith("Posted.");
        ApiCall post = post();
        String answerButton = button(post, "Answer privately");
        for (String person : PEOPLE) {
            send(requests.clickButton(url, person, post, answerButton));
            OpenedView modal = slack.awaitOpenedView(v -> slack.openedViews().indexOf(v) == PEOPLE.indexOf(person), WAIT);
            send(requests.submitView(url, person, modal, Map.of(Block.Button.FORM_FIELD, ANSWER + " (" + person + ")")));
            ApiCall feedback = slack.awaitCall("chat.postEphemeral", c -> person.equals(c.arg("user"))
                    && c.arg("text").startsWith("Score "), WAIT);
            assertThat(feedback.arg("channel")).isEqualTo("C1");
            if (person.equals("UBEN")) {
                send(requests.clickButton(url, person, feedback, button(feedback, "Share my answer at the reveal")));
                slack.awaitCall("chat.postEphemeral", c -> person.equals(c.arg("user"))
                        && c.arg("text").contains("shown in the thread at the reveal"), WAIT);
            }
        }
        slack.awaitCall("chat.update", c -> c.args().toString().contains("3 answers so far"), WAIT);
        assertThat(everyoneCanSee()).as("no sealed answer is visible before the reveal")
                .allSatisfy(c -> assertThat(c.args().toString()).doesNotContain("(UANA)").doesNotContain("(UBEN)")
                        .doesNotContain("(UCAT)"));

        assertThat(command(ADMIN, "daily reveal").arg("text")).contains("Revealed");
        ApiCall reveal = slack.awaitCall("chat.postMessage", c -> c.arg("text") != null
                && c.arg("text").startsWith("The reveal"), WAIT);
        assertThat(reveal.arg("thread_ts")).isEqualTo(postTs());
        assertThat(reveal.args().toString()).contains("3 people answered").contains(ANSWER + " (UBEN)")
                .contains("<@UBEN>").doesNotContain("(UANA)").doesNotContain("(UCAT)").doesNotContain("Score");
    }

    @Test
    void openAnswersInTheThreadGetPrivateFeedbackAndATickForTheChannel() throws Exception {
        command(ADMIN, "daily subscribe python-developer open");
        command(ADMIN, "daily now");
        post();
        String thread = postTs();
        for (String person : PEOPLE) {
            String ts = SlackRequests.newTs();
            send(requests.event(url, "Ev-" + person, SlackRequests.messageEvent("C1", person, ANSWER, ts, thread, "channel")));
            ApiCall feedback = slack.awaitCall("chat.postEphemeral", c -> person.equals(c.arg("user"))
                    && c.arg("text").startsWith("Score "), WAIT);
            assertThat(feedback.arg("thread_ts")).isEqualTo(thread);
            slack.awaitCall("reactions.add", c -> ts.equals(c.arg("timestamp")) && "white_check_mark".equals(c.arg("name")),
                    WAIT);
        }
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> thread.equals(c.arg("thread_ts"))))
                .as("feedback never goes to the thread for all to see").isEmpty();
        command(ADMIN, "daily reveal");
        ApiCall reveal = slack.awaitCall("chat.postMessage", c -> c.arg("text") != null
                && c.arg("text").startsWith("The reveal"), WAIT);
        assertThat(reveal.args().toString()).contains("3 people answered").doesNotContain("Shared answer");
    }

    @Test
    void anAnswerEditedInTheThreadBeforeTheRevealIsScoredAgainPrivately() throws Exception {
        command(ADMIN, "daily subscribe python-developer open");
        command(ADMIN, "daily now");
        post();
        String thread = postTs();
        String ts = SlackRequests.newTs();
        String first = "I would add an index.";
        send(requests.event(url, "Ev-first", SlackRequests.messageEvent("C1", "UANA", first, ts, thread, "channel")));
        slack.awaitCall("chat.postEphemeral", c -> "UANA".equals(c.arg("user")) && c.arg("text").startsWith("Score "), WAIT);

        send(requests.event(url, "Ev-edit", SlackRequests.messageChanged("C1", "UANA", ts, thread, first, ANSWER,
                "channel")));
        ApiCall again = slack.awaitCall("chat.postEphemeral", c -> "UANA".equals(c.arg("user"))
                && c.arg("text").startsWith("Scored again after your edit"), WAIT);
        assertThat(again.arg("thread_ts")).isEqualTo(thread);
        assertThat(storedAnswers()).as("still her one answer, as edited").containsExactly(ANSWER);
        // Slack also says "changed" when it adds a link preview or the thread's reply count: the words are the same.
        send(requests.event(url, "Ev-same", SlackRequests.messageChanged("C1", "UANA", ts, thread, ANSWER, ANSWER,
                "channel")));
        send(requests.event(url, "Ev-tracks", SlackRequests.messageEvent("DUANA", "UANA", "tracks", SlackRequests.newTs(),
                null, "im")));
        slack.awaitCall("chat.postMessage", c -> "DUANA".equals(c.arg("channel")), WAIT);
        assertThat(slack.calls("chat.postEphemeral").stream().filter(c -> c.arg("text").startsWith("Scored again")))
                .as("an edit that changes no word is not scored again").hasSize(1);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> thread.equals(c.arg("thread_ts"))))
                .as("feedback never goes to the thread for all to see").isEmpty();
    }

    @Test
    void anotherPersonsAnswerIsNotHeldUpWhileSlackIsSlowToPostTheQuestionOfTheDay() throws Exception {
        command(ADMIN, "daily subscribe python-developer");
        send(requests.event(url, "Ev-mock", SlackRequests.messageEvent("DUANA", "UANA", "mock python 2",
                SlackRequests.newTs(), null, "im")));
        slack.awaitCall("chat.postMessage", c -> "DUANA".equals(c.arg("channel"))
                && c.arg("text").contains("Question 1 of 2"), WAIT);

        // Slack takes its time over the question of the day's post, as it can under load.
        CountDownLatch posting = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        slack.onCall(c -> {
            if (c.method().equals("chat.postMessage") && "C1".equals(c.arg("channel")) && c.arg("text") != null
                    && c.arg("text").startsWith("Question of the day")) {
                posting.countDown();
                try {
                    answered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            send(requests.slashCommand(url, TEAM, "C1", ADMIN, "daily now"));
            assertThat(posting.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            // Meanwhile someone answers their interview: the answer is stored and judged without waiting for Slack
            // to finish another channel's post.
            send(requests.event(url, "Ev-answer", SlackRequests.messageEvent("DUANA", "UANA", ANSWER,
                    SlackRequests.newTs(), null, "im")));
            ApiCall feedback = slack.awaitCall("chat.postMessage", c -> "DUANA".equals(c.arg("channel"))
                    && c.arg("text").startsWith("Score "), WAIT);
            assertThat(feedback.arg("text")).contains("Question 2 of 2");
            assertThat(posting.getCount()).isZero();
        } finally {
            answered.countDown();
        }
        assertThat(slack.awaitCall("chat.postEphemeral", c -> ADMIN.equals(c.arg("user"))
                && c.arg("text").startsWith("Posted."), WAIT)).isNotNull();
        assertThat(coach.dailyPosts().latest(coach.subscriptions().find(Place.channel(Platform.SLACK, TEAM, "C1"))
                .orElseThrow().id()).orElseThrow().messageId()).as("the post recorded with Slack's id").isNotBlank();
        assertThat(coach.metrics().registry().find("coach.platform.calls.while.writing").counters())
                .as("no event waited on Slack inside its open transaction").isEmpty();
    }

    /** The answers stored for channel C1's question of the day, read from the database file itself. */
    private List<String> storedAnswers() throws java.sql.SQLException {
        var sub = coach.subscriptions().find(Place.channel(Platform.SLACK, TEAM, "C1")).orElseThrow();
        return StoredDailyAnswers.texts(dir.resolve("coach.db"), sub.id());
    }

    @Test
    void anAnswerDeletedFromTheThreadBeforeTheRevealIsWithdrawnAndItsAuthorToldPrivately() throws Exception {
        command(ADMIN, "daily subscribe python-developer open");
        command(ADMIN, "daily now");
        post();
        String thread = postTs();
        String ts = SlackRequests.newTs();
        send(requests.event(url, "Ev-answer", SlackRequests.messageEvent("C1", "UANA", ANSWER, ts, thread, "channel")));
        slack.awaitCall("chat.postEphemeral", c -> "UANA".equals(c.arg("user")) && c.arg("text").startsWith("Score "), WAIT);

        send(requests.event(url, "Ev-delete", SlackRequests.messageDeleted("C1", "UANA", ts, thread, ANSWER, "channel")));
        ApiCall told = slack.awaitCall("chat.postEphemeral", c -> "UANA".equals(c.arg("user"))
                && c.arg("text").startsWith("You deleted your answer"), WAIT);
        assertThat(told.arg("thread_ts")).isEqualTo(thread);
        assertThat(storedAnswers()).as("her answer is gone").isEmpty();
        command(ADMIN, "daily reveal");
        ApiCall reveal = slack.awaitCall("chat.postMessage", c -> c.arg("text") != null
                && c.arg("text").startsWith("The reveal"), WAIT);
        assertThat(reveal.args().toString()).doesNotContain("1 person answered").doesNotContain(ANSWER);
    }

    @Test
    void aPersonGetsTheQuestionByDmAtTheirOwnTimeInTheirZoneAndAReplyInItsThreadIsTheirAnswer() throws Exception {
        slack.setUser("UANA", UserProfile.member().inZone("America/New_York"));
        command(ADMIN, "daily subscribe python-developer");
        command(ADMIN, "daily now");
        ApiCall post = post();
        assertThat(command("UANA", "daily dm on 7:00").arg("text"))
                .as("the zone in Ana's Slack profile, not the channel's Berlin").contains("by DM at 07:00 America/New_York");
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime local = Instant.now().atZone(newYork);
        Instant seven = local.toLocalDate().atTime(7, 0).atZone(newYork).toInstant();
        Instant due = Instant.now().isBefore(seven) ? seven : seven.plus(Duration.ofDays(1));
        coach.tick(due.plusSeconds(60), ChatPorts.only(adapter.port()));
        coach.tick(due.plusSeconds(120), ChatPorts.only(adapter.port()));
        ApiCall dm = slack.awaitCall("chat.postMessage", c -> "DUANA".equals(c.arg("channel")), WAIT);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> "DUANA".equals(c.arg("channel"))))
                .as("once, however many checks").hasSize(1);
        assertThat(dm.arg("text")).startsWith("Your question of the day: ")
                .contains(post.arg("text").substring("Question of the day: ".length()));

        String dmTs;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("coach.db"));
             var rs = c.createStatement().executeQuery("SELECT message_id FROM daily_dm WHERE user_id = 'UANA'")) {
            assertThat(rs.next()).isTrue();
            dmTs = rs.getString(1);
        }
        String ts = SlackRequests.newTs();
        send(requests.event(url, "Ev-dm-answer", SlackRequests.messageEvent("DUANA", "UANA", ANSWER, ts, dmTs, "im")));
        ApiCall feedback = slack.awaitCall("chat.postMessage", c -> "DUANA".equals(c.arg("channel"))
                && c.arg("text").startsWith("Score "), WAIT);
        assertThat(feedback.arg("thread_ts")).as("in the DM's thread, where she answered").isEqualTo(dmTs);
        assertThat(feedback.args().toString()).as("the DM is private: no note about the channel's thread")
                .doesNotContain("seen by everyone");
        command(ADMIN, "daily reveal");
        ApiCall reveal = slack.awaitCall("chat.postMessage", c -> c.arg("text") != null
                && c.arg("text").startsWith("The reveal"), WAIT);
        assertThat(reveal.args().toString()).as("the DM answer counts in the channel").contains("1 person answered");

        send(requests.clickButton(url, "UANA", dm, button(dm, "Stop these DMs")));
        slack.awaitCall("chat.postMessage", c -> "DUANA".equals(c.arg("channel"))
                && c.arg("text").startsWith("No more DMs of that channel's question of the day"), WAIT);
    }
}
