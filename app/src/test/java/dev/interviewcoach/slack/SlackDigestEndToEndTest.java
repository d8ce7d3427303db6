package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.app.DigestFixtures;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.console.MovableClock;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import dev.interviewcoach.testkit.slack.UploadedFile;
import dev.interviewcoach.testkit.slack.UserProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly digest on Slack, end to end: the real Bolt app over HTTP, the fake Slack Web API and the
 * coach on a SQLite file. Only a manager may set it up; it goes to another channel named in the
 * command, once, at its time; it names only the person who agreed, counts the others, and carries a
 * PNG chart uploaded with alt text. {@code stats} comes with a chart too.
 */
class SlackDigestEndToEndTest {

    private static final String SECRET = "digest-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String ADMIN = "UADMIN";
    /** Monday 30 November 2026, 07:00 UTC: 08:00 in Berlin. */
    private static final Instant START = Instant.parse("2026-11-30T07:00:00Z");

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
        fake = CoachOnFakeSlack.start(dir, SECRET, "xoxb-digest", clock, 3);
        slack = fake.slack;
        coach = fake.coach;
        adapter = fake.adapter;
        url = fake.url;
        slack.setUser(ADMIN, UserProfile.member().asAdmin().inZone("Europe/Berlin"));
        slack.addChannel("CLEADS", "prep-leads");
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    private ApiCall command(String user, String text) throws Exception {
        int before = slack.calls("chat.postEphemeral").size();
        HttpRequest request = requests.slashCommand(url, TEAM, "C1", user, text);
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        return slack.awaitCall("chat.postEphemeral", c -> user.equals(c.arg("user"))
                && slack.calls("chat.postEphemeral").indexOf(c) >= before, WAIT);
    }

    @Test
    void aManagersWeeklyDigestGoesToTheLeadsChannelOnceNamingOnlyWhoAgreed() throws Exception {
        assertThat(command("UANA", "digest weekly mon 09:00 #prep-leads").arg("text"))
                .contains("Only people who manage this channel can set up its weekly digest");
        assertThat(command(ADMIN, "daily subscribe python-developer").arg("text")).contains("Europe/Berlin");
        assertThat(command(ADMIN, "digest weekly mon 09:00 #prep-leads").args().toString())
                .contains("<#CLEADS>").contains("every Monday at 09:00 Europe/Berlin");
        assertThat(command("UBEN", "digest show-me on").arg("text")).contains("Digests may now name you");
        assertThat(command("UANA", "digest status").args().toString()).contains("<#CLEADS>");

        Instant due = Instant.parse("2026-11-30T08:00:30Z"); // 09:00:30 in Berlin
        List<String> topics = DigestFixtures.seed(coach, Place.channel(Platform.SLACK, TEAM, "C1"),
                List.of("UANA", "UCAT"), List.of("UANA", "UBEN", "UCAT"), due);
        clock.advance(Duration.between(START, due));
        coach.tick(due, ChatPorts.only(adapter.port()));
        coach.tick(due.plusSeconds(30), ChatPorts.only(adapter.port()));

        List<ApiCall> digests = slack.calls("chat.postMessage").stream()
                .filter(c -> "CLEADS".equals(c.arg("channel"))).toList();
        assertThat(digests).as("one digest, however often the job runs").hasSize(1);
        String digest = digests.getFirst().args().toString();
        assertThat(digests.getFirst().arg("text")).startsWith("Weekly digest").contains("4 answers from 3 people");
        assertThat(digest).contains("<#C1>").contains("<@UBEN>").doesNotContain("UANA").doesNotContain("UCAT")
                .contains("and 2 others").contains("Median score by track and topic").contains(topics.getFirst())
                .contains("Weakest topics this week").contains("mock python-developer 3 on ")
                .doesNotContain("an answer by");
        UploadedFile chart = slack.awaitUpload(f -> "CLEADS".equals(f.channel()), WAIT);
        assertThat(chart.name()).endsWith(".png");
        assertThat(chart.altText()).startsWith("Median score (1-5) per week, last 8 weeks");
        DigestFixtures.assertChart(chart.content());

        // The preview: only the manager sees it (ephemeral), and its chart goes to their DM.
        assertThat(command(ADMIN, "digest show").arg("text")).startsWith("Weekly digest");
        UploadedFile preview = slack.awaitUpload(f -> ("D" + ADMIN).equals(f.channel()), WAIT);
        DigestFixtures.assertChart(preview.content());

        assertThat(command("UANA", "digest off").arg("text")).contains("Only people who manage this channel");
        assertThat(command(ADMIN, "digest off").arg("text")).contains("stopped");
    }

    @Test
    void statsComesWithAChartOfTheScoreOverTimeByTopic() throws Exception {
        command(ADMIN, "daily subscribe python-developer");
        Instant now = START.plus(Duration.ofHours(1));
        DigestFixtures.seed(coach, Place.channel(Platform.SLACK, TEAM, "C1"), List.of("UANA"), List.of("UANA"), now);
        clock.advance(Duration.ofHours(1));
        assertThat(command("UANA", "stats").arg("text")).contains("Your progress");
        UploadedFile chart = slack.awaitUpload(f -> "DUANA".equals(f.channel()), WAIT);
        assertThat(chart.name()).startsWith("progress-").endsWith(".png");
        assertThat(chart.altText()).startsWith("Your score (1-5) over time by topic");
        DigestFixtures.assertChart(chart.content());
    }
}
