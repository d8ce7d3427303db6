package dev.interviewcoach.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.app.DigestFixtures;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code console --channel} with the weekly digest: set up for #prep-leads, one person agrees to be
 * named, eight weeks of answers, then {@code :advance 1d} past Monday 09:00 brings the digest once,
 * its chart saved as a PNG file whose path is printed; {@code stats} saves its chart the same way.
 */
class ConsoleDigestTest {

    @TempDir
    Path dir;

    /** Sunday 29 Nov 2026, 07:00 UTC. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T07:00:00Z"));

    private String run(String script) throws Exception {
        Database database = Database.sqlite(dir.resolve("coach.db"));
        database.migrate();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Coach coach = coach(database)) {
            new ConsoleChannel(coach.consoleBot(), new ConsoleChatPort(out, new ConsoleRenderer(false), dir.resolve("charts")), clock,
                    out, "ana").run("python-developer 09:00 Europe/Berlin weekdays sealed",
                    new BufferedReader(new StringReader(script)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Coach coach(Database database) {
        return new Coach(database, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20),
                new Coach.DailySettings("python-developer", Duration.ofHours(2)), clock, new Random(5));
    }

    @Test
    void theDigestComesOnceAtItsTimeNamesOnlyWhoAgreedAndSavesItsChart() throws Exception {
        String setUp = run(String.join("\n",
                "digest status",
                "digest weekly mon 09:00 UTC #prep-leads",
                ":as ben",
                "digest show-me on",
                ":quit"));
        assertThat(setUp).as("the person at the terminal manages the simulated channel")
                .contains("no weekly digest. You manage this channel, so you can start one: digest weekly mon 09:00 #channel");
        assertThat(setUp).contains("This channel's weekly digest goes to #prep-leads every Monday at 09:00 UTC")
                .contains("Digests may now name you");
        try (Database database = Database.sqlite(dir.resolve("coach.db")); Coach coach = coach(database)) {
            DigestFixtures.seed(coach, ConsoleChannel.channel(), List.of("ana", "cat"), List.of("ana", "ben", "cat"),
                    Instant.parse("2026-11-30T09:00:00Z"));
        }

        String shown = run(String.join("\n", ":advance 1d", ":advance 7h", "stats", ":quit"));

        assertThat(shown.split("== Weekly digest", -1)).as("one digest over the day").hasSize(2);
        String digest = shown.substring(shown.indexOf("== Weekly digest"));
        digest = digest.substring(0, digest.indexOf("Saved PNG"));
        assertThat(digest).contains("How #console-channel practised").contains("4 (week before: 2)")
                .contains("Median score by track and topic").contains("Weakest topics this week")
                .contains("mock python-developer 3 on ").contains("Taking part: ben (1); and 2 others.")
                .doesNotContain("ana").doesNotContain("cat").doesNotContain("an answer by");
        Matcher saved = Pattern.compile("Saved PNG: (\\S+digest-2026-11-30\\.png)").matcher(shown);
        assertThat(saved.find()).as("the digest's chart is saved and its path printed").isTrue();
        assertThat(Path.of(saved.group(1))).startsWith(dir.resolve("charts"));
        DigestFixtures.assertChart(Files.readAllBytes(Path.of(saved.group(1))));

        Matcher progress = Pattern.compile("Saved PNG: (\\S+progress-2026-11-30\\.png)").matcher(shown);
        assertThat(progress.find()).as("stats saves its chart too").isTrue();
        DigestFixtures.assertChart(Files.readAllBytes(Path.of(progress.group(1))));
    }

    @Test
    void aDigestOfAChannelWithNoAnswersAtAllHasNoChart() throws Exception {
        String shown = run(String.join("\n", "digest show", ":quit"));
        assertThat(shown).contains("Nobody answered a question of the day or practised a mock interview here this week.")
                .doesNotContain("Saved PNG").doesNotContain("no answers; week to");
    }

    @Test
    void exportShowsTheDigestChoiceAndForgetMeLeavesNoDigestRowNamingThePerson() throws Exception {
        String shown = run(String.join("\n",
                "digest weekly mon 09:00 UTC #prep-leads",
                "digest show-me on",
                "export",
                "forget-me confirm",
                ":quit"));
        String export = shown.substring(shown.indexOf("\"weeklyDigests\""));
        assertThat(export.substring(0, export.indexOf('}'))).contains("\"showMe\" : true").contains("console-channel");
        assertThat(shown).contains("everything stored about you is deleted");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("coach.db"));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM digest_show_me WHERE user_id = 'ana'")) {
                assertThat(rs.getInt(1)).as("the agreement to be named is deleted").isZero();
            }
            try (ResultSet rs = st.executeQuery("SELECT created_by FROM cohort_digest")) {
                assertThat(rs.next()).as("the channel keeps its digest").isTrue();
                assertThat(rs.getString(1)).as("without the name of who set it up").isEqualTo("forgotten");
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM cohort_digest WHERE created_by = 'ana'"
                    + " OR target_id = 'ana' OR channel_id = 'ana'")) {
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
