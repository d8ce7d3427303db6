package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach bank import} as a person runs it: a document in, a bank file that validates out. */
class BankImportCommandTest {

    private static final String NOTES = """
            # Team interview notes

            ## What is an idempotency key?

            A unique key the client sends with a request, so the server can store the first result and
            return it again when the client retries. We keep keys for 24 hours in Redis, which stopped
            duplicate payments after network timeouts.

            ## Tell me about a time you changed your mind.

            **Answer:** At Fabrikam I argued for a rewrite of our search service, then load tests showed
            that a new Elasticsearch index fixed 80 percent of the slow queries. I dropped the rewrite
            and we shipped the index in a week.

            ## What is a bloom filter?
            """;

    @TempDir
    Path dir;

    final CommandOutput streams = new CommandOutput();
    private final ByteArrayOutputStream out = streams.out;
    private final ByteArrayOutputStream err = streams.err;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsADocumentIntoABankThatValidates() throws Exception {
        Path notes = dir.resolve("notes.md");
        Files.writeString(notes, NOTES);
        Path bank = dir.resolve("banks").resolve("team-notes.yaml");

        int code = streams.run("bank", "import", notes.toString(), "--track", "team-notes", "--out", bank.toString());

        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("Found 2 questions in " + notes + "; wrote " + bank
                        + ". Review the DRAFT talking points, then run: coach bank validate " + bank)
                .contains("line 15: \"What is a bloom filter?\" has no answer, skipped");
        String yaml = Files.readString(bank);
        assertThat(yaml).startsWith("# DRAFT").contains("track: team-notes").contains("title: Team notes")
                .contains("id: what-is-an-idempotency-key").contains("kind: behavioral");

        assertThat(streams.run("bank", "validate", bank.toString())).as(err()).isZero();
        assertThat(out()).contains("ok, track team-notes, 2 questions");
        assertThat(out() + err()).as("valid, but not ready for people").contains("2 of 2 questions still have DRAFT"
                + " placeholders from coach bank import");

        // Put in a coach's bank folder as it is, config check says so before people are judged against it.
        Path config = Files.writeString(dir.resolve("coach.yaml"), "database:\n  path: " + dir.resolve("c.db")
                + "\nbanks:\n  customDir: " + bank.getParent() + "\n");
        streams.run("config", "check", "--config", config.toString());
        assertThat(out()).contains("custom bank: ").contains("still have DRAFT placeholders from coach bank import");
    }

    @Test
    void refusesToOverwriteUnlessForced() throws Exception {
        Path csv = dir.resolve("questions.csv");
        Files.writeString(csv, "question,answer\nWhat is DNS?,\"It maps names, like example.com, to addresses.\"\n");
        Path bank = dir.resolve("dns.yaml");
        Files.writeString(bank, "keep me");

        assertThat(streams.run("bank", "import", csv.toString(), "--track", "dns", "--out", bank.toString())).isEqualTo(1);
        assertThat(err()).contains(bank + " already exists; add --force");
        assertThat(Files.readString(bank)).isEqualTo("keep me");

        assertThat(streams.run("bank", "import", csv.toString(), "--track", "dns", "--out", bank.toString(), "--force",
                "--title", "DNS basics")).isZero();
        assertThat(Files.readString(bank)).contains("title: DNS basics");
        assertThat(streams.run("bank", "validate", bank.toString())).isZero();
    }

    @Test
    void findingNoQuestionsWritesNothingAndExitsOne() throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "Just some notes, no questions here.\n");
        Path bank = dir.resolve("nothing.yaml");

        assertThat(streams.run("bank", "import", empty.toString(), "--track", "nothing", "--out", bank.toString()))
                .isEqualTo(1);
        assertThat(err()).contains("Found no questions in " + empty + " (read as text)").contains("no questions found;");
        assertThat(bank).doesNotExist();
    }

    @Test
    void badTrackIdsAndFormatsAreUsageErrors() throws Exception {
        Path notes = dir.resolve("notes.md");
        Files.writeString(notes, NOTES);
        assertThat(streams.run("bank", "import", notes.toString(), "--track", "Team Notes",
                "--out", dir.resolve("x.yaml").toString())).isEqualTo(2);
        assertThat(err()).contains("'Team Notes' is not a track id");
        assertThat(streams.run("bank", "import", notes.toString(), "--track", "team", "--format", "xlsx",
                "--out", dir.resolve("y.yaml").toString())).isEqualTo(2);
        assertThat(err()).contains("--format must be md, text or csv");
    }
}
