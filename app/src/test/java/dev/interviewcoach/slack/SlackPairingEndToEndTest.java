package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.console.MovableClock;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import dev.interviewcoach.testkit.slack.UserProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer mock interview on Slack, end to end: the real Bolt app over HTTP, the fake Slack Web API
 * and the coach on a SQLite file. A manager schedules the channel's pairing, two people opt in (their
 * zones from their Slack profiles), the weekly job opens a group DM for the pair; the interviewer's
 * card is ephemeral there, the candidate types the answer in the group DM, the interviewer marks a
 * point and scores, both see the coach's score beside theirs, and the roles swap.
 */
class SlackPairingEndToEndTest {

    private static final String SECRET = "pairing-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String ADMIN = "UADMIN";
    private static final String GROUP = "GUANAUBEN";
    /** Sunday 6 December 2026, noon UTC. */
    private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path dir;

    private CoachOnFakeSlack fake;
    private FakeSlack slack;
    private Coach coach;
    private SlackAdapter adapter;
    private URI url;
    private final MovableClock clock = new MovableClock(START);
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackRequests requests = new SlackRequests(SECRET);

    @BeforeEach
    void start() throws Exception {
        fake = CoachOnFakeSlack.start(dir, SECRET, "xoxb-pairing", clock, 3);
        slack = fake.slack;
        coach = fake.coach;
        adapter = fake.adapter;
        url = fake.url;
        slack.setUser(ADMIN, UserProfile.member().asAdmin().inZone("Europe/Berlin"));
        slack.setUser("UANA", UserProfile.member().inZone("Europe/Berlin"));
        slack.setUser("UBEN", UserProfile.member().inZone("Europe/London"));
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    private void send(HttpRequest request) throws Exception {
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** Runs a slash command in the channel and returns the ephemeral answer its author saw. */
    private ApiCall command(String user, String text) throws Exception {
        int before = slack.calls("chat.postEphemeral").size();
        send(requests.slashCommand(url, TEAM, "C1", user, text));
        return ephemeralAfter(before, user);
    }

    private ApiCall ephemeralAfter(int before, String user) {
        return slack.awaitCall("chat.postEphemeral", c -> user.equals(c.arg("user"))
                && slack.calls("chat.postEphemeral").indexOf(c) >= before, WAIT);
    }

    /** The action id of the button a person could type {@code typed} for instead. */
    private static String buttonFor(ApiCall posted, String typed) {
        for (JsonNode block : posted.args().get("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (typed.equals(element.path("value").asText())) {
                    return element.path("action_id").asText();
                }
            }
        }
        throw new AssertionError("no button \"" + typed + "\" in " + posted);
    }

    @Test
    void aPairMeetsInAGroupDmWithAPrivateCardAndSeesBothScores() throws Exception {
        assertThat(command("UANA", "pair schedule python-developer mon 10:00").arg("text"))
                .contains("Only people who manage this channel");
        assertThat(command(ADMIN, "pair schedule python-developer mon 10:00").arg("text"))
                .contains("every Monday at 10:00 Europe/Berlin");
        assertThat(command("UANA", "pair on").arg("text")).contains("Europe/Berlin");
        assertThat(command("UBEN", "pair on").arg("text")).contains("Europe/London");

        Instant due = Instant.parse("2026-12-07T09:00:20Z"); // 10:00:20 in Berlin
        clock.advance(Duration.between(START, due));
        coach.tick(due, ChatPorts.only(adapter.port()));
        coach.tick(due.plusSeconds(30), ChatPorts.only(adapter.port()));

        assertThat(slack.calls("conversations.open")).as("one group DM, however often the job runs")
                .filteredOn(c -> String.valueOf(c.arg("users")).contains(",")).singleElement()
                .satisfies(c -> assertThat(c.arg("users")).isEqualTo("UANA,UBEN"));
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> GROUP.equals(c.arg("channel")))
                .map(c -> c.arg("text"))).anyMatch(t -> t.startsWith("Peer mock interview"))
                .anyMatch(t -> t.startsWith("Question 1 of 2"));
        ApiCall card = slack.awaitCall("chat.postEphemeral", c -> GROUP.equals(c.arg("channel"))
                && "UANA".equals(c.arg("user")), WAIT);
        assertThat(card.arg("text")).startsWith("Your interviewer card for question 1");
        assertThat(card.args().toString()).contains("Talking points").contains("Misconceptions to watch for");

        int before = slack.calls("chat.postEphemeral").size();
        send(requests.event(url, "Ev-answer", SlackRequests.messageEvent(GROUP, "UBEN", "I would reach for a dict"
                + " for constant-time lookups and a generator to stream a large file lazily.", SlackRequests.newTs(), null,
                "mpim")));
        assertThat(ephemeralAfter(before, "UBEN").arg("text")).startsWith("Got your answer");
        slack.awaitCall("reactions.add", c -> GROUP.equals(c.arg("channel")), WAIT);

        before = slack.calls("chat.postEphemeral").size();
        send(requests.clickButton(url, "UANA", card, buttonFor(card, "covered 1")));
        assertThat(ephemeralAfter(before, "UANA").arg("text")).startsWith("Marked covered: ");
        send(requests.clickButton(url, "UANA", card, buttonFor(card, "score 4")));
        ApiCall scores = slack.awaitCall("chat.postMessage", c -> GROUP.equals(c.arg("channel"))
                && c.arg("text").startsWith("Question 1: "), WAIT);
        assertThat(scores.arg("text")).matches("Question 1: interviewer 4/5, coach [1-5]/5");
        assertThat(scores.args().toString()).contains("<@UANA>").contains("1 of ").contains("marked covered");

        ApiCall second = slack.awaitCall("chat.postEphemeral", c -> GROUP.equals(c.arg("channel"))
                && "UBEN".equals(c.arg("user")) && c.arg("text").startsWith("Your interviewer card for question 2"), WAIT);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> GROUP.equals(c.arg("channel")))
                .map(c -> c.arg("text"))).anyMatch(t -> t.contains("Roles swap for question 2."));
        send(requests.clickButton(url, "UBEN", second, buttonFor(second, "score 3")));
        slack.awaitCall("chat.postMessage", c -> GROUP.equals(c.arg("channel"))
                && c.arg("text").equals("Question 2: interviewer 3/5, coach not scored (answered out loud)"), WAIT);
        slack.awaitCall("chat.postMessage", c -> GROUP.equals(c.arg("channel"))
                && c.arg("text").startsWith("Both questions are done"), WAIT);

        assertThat(command("UBEN", "pair status").arg("text")).contains("Pairings so far: 1, with 1 different partner.");
        assertThat(command("UANA", "pair off").arg("text")).startsWith("You have left");
    }
}
