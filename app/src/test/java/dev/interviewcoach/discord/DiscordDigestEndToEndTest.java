package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.app.DigestFixtures;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
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
import java.util.List;
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
 * The weekly digest on Discord, end to end with the real JDA against the fake: {@code /coach digest
 * weekly} with the leads' channel picked as a mention, refused to a member who does not manage the
 * channel, sent once to that channel with its chart attached (multipart, with a description), naming
 * only the member who agreed; and {@code /coach stats} with its chart, seen only by its author.
 */
class DiscordDigestEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHANNEL = FakeDiscord.CHANNEL_ID;
    private static final String LEADS = FakeDiscord.LEADS_CHANNEL_ID;
    private static final String ADMIN = FakeDiscord.OWNER_ID;

    @TempDir
    Path dir;

    private CoachOnFakeDiscord running;
    private FakeDiscord discord;
    private Coach coach;

    @BeforeEach
    void start() throws Exception {
        running = CoachOnFakeDiscord.start(dir, false, 7);
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

    /** Runs {@code /coach <group> <subcommand>} (no group when null) and returns the reply only its author saw. */
    private RestCall coach(String user, String group, String subcommand, Map<String, Object> options) {
        String token = discord.slashCommand(user, CHANNEL, "coach", group, subcommand, options);
        return await(c -> c.path().contains(token) && c.path().startsWith("webhooks/") && text(c).contains("content")
                || c.path().contains(token) && !c.method().equals("POST"));
    }

    @Test
    void theDigestGoesToTheLeadsChannelOnceWithItsChartAndNamesOnlyWhoAgreed() throws Exception {
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekly.put("weekday", "mon");
        weekly.put("time", "09:00");
        weekly.put("zone", "UTC");
        weekly.put("channel", "<#" + LEADS + ">");
        assertThat(text(coach(FakeDiscord.USER_A, "digest", "weekly", weekly)))
                .contains("Only people who manage this channel can set up its weekly digest");
        coach(ADMIN, "daily", "subscribe", Map.of("track", "python-developer"));
        assertThat(text(coach(ADMIN, "digest", "weekly", weekly))).contains("<#" + LEADS + ">")
                .contains("every Monday at 09:00 UTC");
        assertThat(text(coach(FakeDiscord.USER_B, "digest", "show-me", Map.of("state", "on"))))
                .contains("Digests may now name you");

        Instant due = new PostTimes(LocalTime.of(9, 0), ZoneId.of("UTC"), Set.of(DayOfWeek.MONDAY))
                .next(Instant.now()).at().plusSeconds(20);
        DigestFixtures.seed(coach, Place.channel(Platform.DISCORD, FakeDiscord.GUILD_ID, CHANNEL),
                List.of(FakeDiscord.USER_A), List.of(FakeDiscord.USER_A, FakeDiscord.USER_B, ADMIN), due);
        ChatPorts ports = ChatPorts.only(running.adapter.port());
        coach.tick(due, ports);
        coach.tick(due.plusSeconds(40), ports);

        RestCall digest = await(c -> c.method().equals("POST") && c.path().equals("channels/" + LEADS + "/messages")
                && !c.files().isEmpty());
        assertThat(discord.calls("POST", "channels/" + LEADS + "/messages")).as("sent once").hasSize(1);
        assertThat(text(digest)).contains("Weekly digest").contains("<#" + CHANNEL + ">")
                .contains("<@" + FakeDiscord.USER_B + ">").doesNotContain(FakeDiscord.USER_A).doesNotContain(ADMIN)
                .contains("and 2 others").contains("mock python-developer 3 on ")
                .contains("Median score (1-5) per week").doesNotContain("an answer by");
        assertThat(digest.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).endsWith(".png");
            DigestFixtures.assertChart(f.content());
        });
    }

    @Test
    void statsComesWithAChartOnlyItsAuthorSees() throws Exception {
        coach(ADMIN, "daily", "subscribe", Map.of("track", "python-developer"));
        DigestFixtures.seed(coach, Place.channel(Platform.DISCORD, FakeDiscord.GUILD_ID, CHANNEL),
                List.of(FakeDiscord.USER_A), List.of(FakeDiscord.USER_A), Instant.now());
        String token = discord.slashCommand(FakeDiscord.USER_A, CHANNEL, "coach", "stats", Map.of());
        RestCall stats = await(c -> c.path().contains(token) && !c.files().isEmpty());
        assertThat(stats.path()).as("through the interaction, ephemeral").startsWith("webhooks/");
        assertThat(text(stats)).contains("Your progress").contains("Your score (1-5) over time by topic");
        assertThat(stats.files()).singleElement().satisfies(f -> DigestFixtures.assertChart(f.content()));
    }
}
