package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.daily.PostTimes;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.discord.RestCall;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer mock interview on Discord, end to end with the real JDA against the fake: {@code /coach pair
 * schedule} refused to a member and taken from the owner, two members opt in, the weekly job opens a
 * private thread with both added, the interviewer's card goes to their DMs, the candidate answers in
 * the thread, the interviewer's buttons mark a point and score, both see the two scores in the
 * thread, and the roles swap; the second answer comes through the answer form.
 */
class DiscordPairingEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHANNEL = FakeDiscord.CHANNEL_ID;
    private static final String ADMIN = FakeDiscord.OWNER_ID;
    private static final String ANA = FakeDiscord.USER_A;
    private static final String BEN = FakeDiscord.USER_B;

    @TempDir
    Path dir;

    private CoachOnFakeDiscord running;
    private FakeDiscord discord;
    private Coach coach;

    @BeforeEach
    void start() throws Exception {
        running = CoachOnFakeDiscord.start(dir, true, 11);
        discord = running.discord;
        coach = running.coach;
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private static String text(RestCall call) {
        return call.body() == null ? "" : call.body().toString();
    }

    private RestCall await(Predicate<RestCall> match) {
        return Awaitility.await().alias("a matching call to the fake Discord").atMost(WAIT)
                .until(() -> discord.calls().stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
    }

    private RestCall coach(String user, String subcommand, Map<String, Object> options) {
        String token = discord.slashCommand(user, CHANNEL, "coach", "pair", subcommand, options);
        return await(c -> c.path().contains(token) && c.path().startsWith("webhooks/") && text(c).contains("content")
                || c.path().contains(token) && !c.method().equals("POST"));
    }

    /** The custom id of the button whose label is {@code label} on a message the bot sent. */
    private static String button(RestCall message, String label) {
        for (JsonNode row : message.body().path("components")) {
            for (JsonNode button : row.path("components")) {
                if (label.equals(button.path("label").asText())) {
                    return button.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + text(message));
    }

    @Test
    void aPairMeetsInAPrivateThreadWithTheCardInTheInterviewersDms() throws Exception {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("track", "python-developer");
        schedule.put("weekday", "mon");
        schedule.put("time", "10:00");
        schedule.put("zone", "UTC");
        assertThat(text(coach(ANA, "schedule", schedule))).contains("Only people who manage this channel");
        assertThat(text(coach(ADMIN, "schedule", schedule))).contains("every Monday at 10:00 UTC");
        assertThat(text(coach(ANA, "on", Map.of()))).contains("You are in this channel's weekly peer pairing");
        assertThat(text(coach(BEN, "on", Map.of()))).contains("You are in this channel's weekly peer pairing");

        Instant due = new PostTimes(LocalTime.of(10, 0), ZoneId.of("UTC"), Set.of(DayOfWeek.MONDAY))
                .next(Instant.now()).at().plusSeconds(20);
        ChatPorts ports = ChatPorts.only(running.adapter.port());
        coach.tick(due, ports);
        coach.tick(due.plusSeconds(40), ports);

        RestCall created = await(c -> c.method().equals("POST") && c.path().equals("channels/" + CHANNEL + "/threads"));
        assertThat(discord.calls("POST", "channels/" + CHANNEL + "/threads")).as("one pair, one thread").hasSize(1);
        assertThat(created.body().path("type").asInt()).as("private").isEqualTo(12);
        assertThat(created.body().path("invitable").asBoolean(true)).isFalse();
        String thread = discord.lastThreadId();
        await(c -> c.method().equals("PUT") && c.path().equals("channels/" + thread + "/thread-members/" + ANA));
        await(c -> c.method().equals("PUT") && c.path().equals("channels/" + thread + "/thread-members/" + BEN));
        await(c -> c.path().equals("channels/" + thread + "/messages") && text(c).contains("Question 1 of 2"));

        String anaDm = discord.dmChannel(ANA);
        RestCall card = await(c -> c.path().equals("channels/" + anaDm + "/messages")
                && text(c).contains("Your interviewer card, question 1"));
        assertThat(text(card)).contains("Talking points").contains("Misconceptions to watch for");
        String cardId = discord.messageCreatedBy(card, WAIT);

        discord.message(BEN, thread, "I would profile first, then pick the tool that fits the bottleneck and measure"
                + " again.");
        await(c -> text(c).contains("Got your answer"));

        discord.buttonClick(ANA, anaDm, cardId, button(card, "Covered 1"));
        await(c -> c.path().startsWith("webhooks/") && text(c).contains("Marked covered: "));
        discord.buttonClick(ANA, anaDm, cardId, button(card, "4"));
        RestCall scores = await(c -> c.path().equals("channels/" + thread + "/messages")
                && text(c).contains("Question 1: the scores"));
        assertThat(text(scores)).contains("4/5").contains("Coach").contains("<@" + ANA + ">");

        String benDm = discord.dmChannel(BEN);
        RestCall second = await(c -> c.path().equals("channels/" + benDm + "/messages")
                && text(c).contains("Your interviewer card, question 2"));
        RestCall question2 = await(c -> c.path().equals("channels/" + thread + "/messages") && text(c).contains("Roles swap"));
        assertThat(text(question2)).contains("Question 2 of 2");
        // Ana answers the second question in the form, as people do where typed messages cannot be read.
        String questionId = discord.messageCreatedBy(question2, WAIT);
        String form = button(question2, "Answer");
        assertThat(form).startsWith("form|coach:pair:answer:");
        discord.buttonClick(ANA, thread, questionId, form);
        discord.awaitCall("POST", "interactions/.*/callback", c -> c.body().path("type").asInt() == 9, WAIT);
        discord.modalSubmit(ANA, thread, questionId, form, Map.of("text", "Threads suit I/O-bound work since the GIL is"
                + " released while waiting; for CPU-bound work I use processes, and asyncio for thousands of sockets."));
        await(c -> c.path().startsWith("webhooks/") && text(c).contains("Got your answer"));
        discord.buttonClick(BEN, benDm, discord.messageCreatedBy(second, WAIT), button(second, "3"));
        RestCall scored = await(c -> c.path().equals("channels/" + thread + "/messages")
                && text(c).contains("Question 2: the scores"));
        assertThat(text(scored)).contains("3/5").doesNotContain("no typed answer");
        await(c -> c.path().equals("channels/" + thread + "/messages") && text(c).contains("Both questions are done"));
        assertThat(text(coach(BEN, "status", Map.of()))).contains("Pairings so far: 1, with 1 different partner.");
    }
}
