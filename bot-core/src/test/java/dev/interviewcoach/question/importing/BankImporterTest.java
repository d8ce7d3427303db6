package dev.interviewcoach.question.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionKind;
import dev.interviewcoach.question.TalkingPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankImporterTest {

    private final BankImporter importer = new BankImporter();

    private static String resource(String name) {
        try (InputStream in = BankImporterTest.class.getClassLoader().getResourceAsStream("import/" + name)) {
            assertThat(in).as("test resource import/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ImportResult importResource(String name) {
        return importer.importText(resource(name), ImportFormat.forFileName(name), "demo", name);
    }

    private ImportResult importText(String text, ImportFormat format) {
        return importer.importText(text, format, "demo", "test");
    }

    /** The bank as BankReader reads the rendered YAML; fails the test on any problem. */
    private static Bank readBack(ImportResult result) {
        String yaml = result.toYaml();
        BankReader.Result read = new BankReader().read("demo.yaml", yaml);
        assertThat(read.problems()).as("problems reading back:\n" + yaml).isEmpty();
        return read.orThrow();
    }

    private static List<String> problems(ImportResult result) {
        return result.problems().stream().map(ImportProblem::toString).toList();
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void markdownHeadingsBecomeQuestionsWithTheirLabelledParts() {
        ImportResult result = importResource("sample.md");

        assertThat(result.questions()).extracting(Question::id, Question::kind).containsExactly(
                tuple("what-is-a-database-index-and-when-would-you-not", QuestionKind.TECHNICAL),
                tuple("tell-me-about-a-time-you-disagreed-with-a-teammate", QuestionKind.BEHAVIORAL),
                tuple("why-do-you-want-to-work-here", QuestionKind.MOTIVATION),
                tuple("how-would-you-handle-a-production-outage-in-the", QuestionKind.SITUATIONAL));
        assertThat(problems(result)).containsExactly(
                "line 19: \"What is the CAP theorem?\" has no answer, skipped",
                "line 51: a code block was left out; a bank holds what a person says, so describe the code in"
                        + " words if it matters");

        Question index = result.questions().getFirst();
        assertThat(index.text()).isEqualTo("What is a database index, and when would you not add one?");
        assertThat(index.exampleAnswer()).startsWith("An index is a separate structure, usually a B-tree,")
                .contains("every INSERT and UPDATE").endsWith("shows are never used.");
        assertThat(index.hints()).containsExactly("Think about what every write has to do.",
                "How would you prove that an index helps?");
        assertThat(index.why()).startsWith("DRAFT:");
        assertThat(index.guidance()).startsWith("DRAFT:");
        assertThat(index.difficulty()).isEqualTo(2);

        Question disagreement = result.questions().get(1);
        assertThat(disagreement.why())
                .isEqualTo("They want to see whether you can disagree about the work without making it personal.");
        assertThat(disagreement.exampleAnswer()).startsWith("At Acme Logistics").doesNotContain("Answer:");

        assertThat(result.questions().get(2).followUps()).containsExactly(
                "What would you change about our API?", "Where do you want to be in three years?");
        // List items become sentences of the answer; the code block is left out.
        assertThat(result.questions().get(3).exampleAnswer())
                .startsWith("Stop the rollout and roll back the release first, before looking for the cause."
                        + " Open an incident channel")
                .doesNotContain("rollback(");

        assertThat(readBack(result).questions()).hasSize(4);
    }

    @Test
    void csvColumnsAreMatchedByNameAndQuotedFieldsKeepCommasAndLineBreaks() {
        ImportResult result = importResource("sample.csv");

        assertThat(result.questions()).extracting(Question::kind, Question::difficulty).containsExactly(
                tuple(QuestionKind.BEHAVIORAL, 1),
                tuple(QuestionKind.TECHNICAL, 3),
                tuple(QuestionKind.MOTIVATION, 2),
                tuple(QuestionKind.SITUATIONAL, 3));
        assertThat(problems(result)).containsExactly(
                "line 1: column 'Notes' is not one the importer knows, so it was left out",
                "line 8: \"Explain eventual consistency.\" has no answer, skipped");

        Question deadline = result.questions().getFirst();
        assertThat(deadline.exampleAnswer())
                .startsWith("At Northwind, I owned the data export for a bank client, and I underestimated")
                .contains("Two days before the deadline")
                .endsWith("touch legacy systems.");
        assertThat(deadline.why()).isEqualTo("They want to know you own mistakes and tell people early.");
        assertThat(deadline.guidance()).isEqualTo("Use STAR and end with what you changed.");
        assertThat(deadline.topics()).containsExactly("ownership", "communication");
        assertThat(deadline.hints()).containsExactly("Pick a real deadline.", "Say what you changed afterwards.");
        assertThat(deadline.followUps()).containsExactly("What would you do differently?");
        assertThat(result.questions().get(1).topics()).containsExactly("concurrency", "operating-systems");
        assertThat(result.questions().get(3).exampleAnswer()).contains("He said \"ship it\", so we did");

        Bank bank = readBack(result);
        assertThat(bank.questions().get(3).exampleAnswer()).contains("He said \"ship it\", so we did");
    }

    @Test
    void interviewPrepPagesGiveWhyFromTheParagraphAndTheAnswerFromItsLabel() {
        ImportResult result = importResource("interview-prep.txt");

        assertThat(result.questions()).extracting(Question::text, Question::kind).containsExactly(
                tuple("Tell me about yourself.", QuestionKind.BEHAVIORAL),
                tuple("What is your greatest weakness?", QuestionKind.BEHAVIORAL),
                tuple("Why do you want to work for our company?", QuestionKind.MOTIVATION),
                tuple("Describe a time you turned around an unhappy account.", QuestionKind.BEHAVIORAL));
        assertThat(problems(result)).singleElement().asString()
                .startsWith("line 20: \"How would you handle an angry customer")
                .endsWith("has no answer, skipped");

        Question yourself = result.questions().getFirst();
        assertThat(yourself.why()).startsWith("Employers ask this question to get a quick picture");
        // Quotation marks round a sample answer are the page's, not the answer's.
        assertThat(yourself.exampleAnswer()).startsWith("I'm a customer success manager").endsWith("enterprise customers.");
        assertThat(result.questions().get(1).exampleAnswer()).startsWith("I used to say yes");
        assertThat(result.questions().get(2).why()).startsWith("Interviewers want to know whether you researched");
        assertThat(result.questions().get(2).exampleAnswer()).startsWith("I've followed Brightwave");
        assertThat(result.questions().get(3).exampleAnswer()).startsWith("In 2022 my largest account");

        readBack(result);
    }

    @Test
    void questionAndAnswerPairsMayWrapAndShareALine() {
        ImportResult result = importResource("qa-pairs.txt");

        assertThat(result.questions()).extracting(Question::text).containsExactly(
                "What does the GIL do in CPython?",
                "When would you use asyncio instead of threads?",
                "What is a generator, and why would you use one?",
                "What is a decorator?",
                "Have you ever had to debug a memory leak in Python?");
        assertThat(result.questions()).extracting(Question::kind).containsExactly(QuestionKind.TECHNICAL,
                QuestionKind.TECHNICAL, QuestionKind.TECHNICAL, QuestionKind.TECHNICAL, QuestionKind.BEHAVIORAL);
        assertThat(problems(result)).containsExactly(
                "line 21: \"Explain the difference between a list and a tuple.\" has no answer, skipped");
        assertThat(result.questions().get(2).hints()).containsExactly("Think about memory when the data is large.");
        assertThat(result.questions().get(3).exampleAnswer()).startsWith("A function that takes a function");
        assertThat(result.questions().get(4).followUps()).hasSize(2);

        readBack(result);
    }

    @Test
    void talkingPointsAreDraftedFromTheMostInformativeSentences() {
        ImportResult result = importResource("qa-pairs.txt");

        for (Question q : result.questions()) {
            assertThat(q.talkingPoints()).as(q.id()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            for (int i = 0; i < q.talkingPoints().size(); i++) {
                TalkingPoint p = q.talkingPoints().get(i);
                assertThat(p.id()).isEqualTo("draft-" + (i + 1));
                assertThat(p.point()).startsWith("DRAFT: ");
                assertThat(p.point().substring(7).replace("...", "").split("\\s+")).hasSizeLessThanOrEqualTo(15);
                assertThat(p.shownBy()).isNotEmpty().hasSizeLessThanOrEqualTo(4)
                        .allSatisfy(phrase -> assertThat(phrase.split(" ")).hasSizeBetween(1, 3));
            }
        }
        Question leak = result.questions().get(4);
        assertThat(leak.talkingPoints()).hasSize(3);
        // "Yes." says nothing; the sentences with names and numbers are the points.
        assertThat(leak.talkingPoints()).extracting(TalkingPoint::point).noneMatch(p -> p.equals("DRAFT: Yes."));
        assertThat(leak.talkingPoints().stream().flatMap(p -> p.shownBy().stream()))
                .contains("tracemalloc", "LRU cache", "10,000 entries");
    }

    @Test
    void markdownListsAndBoldLabelsAreRead() {
        String numbered = """
                # Quick questions

                1. What is a closure?
                   A function that remembers the variables of the scope it was created in.
                   I use closures for callbacks.
                2. **What does `volatile` mean in Java?** It makes writes to a field visible to other threads.
                3. Explain the difference between a mutex and a semaphore.
                """;
        ImportResult list = importText(numbered, ImportFormat.MD);
        assertThat(list.questions()).extracting(Question::text).containsExactly("What is a closure?",
                "What does volatile mean in Java?");
        assertThat(list.questions().getFirst().exampleAnswer())
                .isEqualTo("A function that remembers the variables of the scope it was created in. "
                        + "I use closures for callbacks.");
        assertThat(list.questions().get(1).exampleAnswer())
                .isEqualTo("It makes writes to a field visible to other threads.");
        assertThat(problems(list)).singleElement().asString().startsWith("line 7: \"Explain the difference");

        String labelled = """
                **Q:** Where do you see yourself in five years?
                **A:** Leading a small platform team, still writing code most days.

                **Q:** What would you do if a teammate kept missing code reviews?

                **A:** Ask them privately first whether something is in the way.
                """;
        ImportResult qa = importText(labelled, ImportFormat.MD);
        assertThat(qa.questions()).extracting(Question::kind)
                .containsExactly(QuestionKind.MOTIVATION, QuestionKind.SITUATIONAL);
        assertThat(qa.questions().get(1).exampleAnswer()).isEqualTo("Ask them privately first whether something is in the way.");
        readBack(qa);
    }

    @Test
    void plainQuestionsWithoutLabelsTakeTheFollowingParagraphAsTheAnswer() {
        String text = """
                What is a race condition?

                Two threads use shared state and the result depends on timing.

                How do you find one?

                I add logging with thread names, then try to reproduce it under load.
                """;
        ImportResult result = importText(text, ImportFormat.TEXT);
        assertThat(result.questions()).extracting(Question::text, Question::exampleAnswer).containsExactly(
                tuple("What is a race condition?", "Two threads use shared state and the result depends on timing."),
                tuple("How do you find one?", "I add logging with thread names, then try to reproduce it under load."));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void idsAreShortUniqueSlugs() {
        String csv = """
                question,answer,id
                What is a closure?,A function with its scope.,
                What is a closure,A function that keeps its variables.,
                "What's the single most important thing you would change about how this team plans, builds and ships?",Smaller releases.,
                Is this taken?,Yes it is.,what-is-a-closure-3
                Bad id?,Still imported.,Not An Id
                """;
        ImportResult result = importText(csv, ImportFormat.CSV);
        assertThat(result.questions()).extracting(Question::id).containsExactly(
                "what-is-a-closure", "what-is-a-closure-2",
                "whats-the-single-most-important-thing-you-would",
                "what-is-a-closure-3", "bad-id");
        assertThat(result.questions()).extracting(Question::id).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(50));
        assertThat(problems(result)).singleElement().asString().startsWith("line 6: id 'Not An Id' is not a valid");
        readBack(result);
    }

    @Test
    void awkwardTextSurvivesTheTripThroughYaml() {
        String csv = """
                question,answer,why,topics,hints,follow ups,kind,difficulty
                "Yes: what does ""#"" mean in a `shell`?","no. Key: value # not a comment; - dash, [brackets] {braces} &anchor *alias %percent @at 'single' \\back\\slash.\tTab. Café — naïve 日本語 😀!",yes,"c++; c#; 2020; null; on","- starts with a dash|true|#hashtag|key: value|'quoted'","null?|1.5",technical,3
                """;
        ImportResult result = importText(csv, ImportFormat.CSV);
        assertThat(result.problems()).isEmpty();
        Question written = result.questions().getFirst();
        Question read = readBack(result).questions().getFirst();

        assertThat(read.text()).isEqualTo(written.text()).isEqualTo("Yes: what does \"#\" mean in a `shell`?");
        assertThat(read.exampleAnswer()).isEqualTo(words(written.exampleAnswer()));
        assertThat(read.exampleAnswer()).contains("\\back\\slash").contains("日本語 😀").contains("Tab.");
        assertThat(read.why()).isEqualTo("yes");
        assertThat(read.topics()).containsExactly("c++", "c#", "2020", "null", "on");
        // A leading "- " is read as a list bullet and dropped; the rest must come back unchanged.
        assertThat(read.hints()).containsExactly("starts with a dash", "true", "#hashtag", "key: value", "'quoted'");
        assertThat(read.followUps()).containsExactly("null?", "1.5");
        assertThat(read.talkingPoints()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(written.talkingPoints());
    }

    @Test
    void oneLineValuesAreQuotedOnlyWhenYamlWouldMisreadThem() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> values = List.of("plain words", "yes", "No", "null", "~", "2020", "1.5", "0x1F", "- dash", "? q",
                ": colon", "a: b", "a #b", "#c", "[x]", "{y}", "&a", "*b", "!tag", "%d", "@e", "`f`", "'g'", "\"h\"",
                "back\\slash", "trailing:", "comma, inside", "café 日本語 😀", "DRAFT: point", "|", ">");
        for (String value : values) {
            String block = "v: " + BankYamlWriter.inline(value) + "\n";
            String flow = "v: [" + BankYamlWriter.inFlow(value) + ", second]\n";
            assertThat(yaml.readTree(block).get("v").asText()).as(block).isEqualTo(value);
            assertThat(yaml.readTree(flow).get("v").get(0).asText()).as(flow).isEqualTo(value);
            assertThat(yaml.readTree(flow).get("v").size()).as(flow).isEqualTo(2);
        }
        assertThat(BankYamlWriter.inline("plain words")).isEqualTo("plain words");
        assertThat(BankYamlWriter.inline("DRAFT: point")).isEqualTo("\"DRAFT: point\"");
        assertThat(BankYamlWriter.inline("comma, inside")).isEqualTo("comma, inside");
        assertThat(BankYamlWriter.inFlow("comma, inside")).isEqualTo("\"comma, inside\"");
    }

    @Test
    void csvProblemsAreNamed() {
        ImportResult noAnswerColumn = importText("question,notes\nWhat is DNS?,later\n", ImportFormat.CSV);
        assertThat(noAnswerColumn.questions()).isEmpty();
        assertThat(problems(noAnswerColumn)).contains(
                "line 1: no answer column (answer, example answer or sample answer); the header has: question, notes");

        ImportResult unclosed = importText("question,answer\nWhat is DNS?,\"It maps names to addresses.\n", ImportFormat.CSV);
        assertThat(problems(unclosed)).singleElement().asString().startsWith("line 2: a quoted field is never closed");
        assertThat(unclosed.questions()).hasSize(1);

        ImportResult semicolons = importText("Question;Answer;Difficulty\nWhat is DNS?;It maps names to addresses.;7\n",
                ImportFormat.CSV);
        assertThat(semicolons.questions()).singleElement().extracting(Question::difficulty).isEqualTo(2);
        assertThat(problems(semicolons)).containsExactly(
                "line 2: difficulty '7' is not 1, 2 or 3 (or easy, medium, hard); used 2");
    }

    @Test
    void theYamlSaysItIsADraftAndUsesFoldedBlocks() {
        String yaml = importResource("qa-pairs.txt").toYaml();
        assertThat(yaml).startsWith("# DRAFT");
        assertThat(yaml).contains("track: demo\ntitle: Demo\n")
                .contains("    question: >\n      What does the GIL do in CPython?\n")
                .contains("    example_answer: >\n")
                .contains("      - id: draft-1\n        point: \"DRAFT: ");
        assertThat(yaml.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }

    @Test
    void theFormatFollowsTheFileName() {
        assertThat(ImportFormat.forFileName("questions.CSV")).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormat.forFileName("notes.md")).isEqualTo(ImportFormat.MD);
        assertThat(ImportFormat.forFileName("notes.markdown")).isEqualTo(ImportFormat.MD);
        assertThat(ImportFormat.forFileName("page.txt")).isEqualTo(ImportFormat.TEXT);
        assertThat(ImportFormat.forFileName("README")).isEqualTo(ImportFormat.TEXT);
        assertThat(ImportFormat.fromWord("Markdown")).contains(ImportFormat.MD);
        assertThat(ImportFormat.fromWord("xlsx")).isEmpty();
    }

    @Test
    void aTrackIdMustBeValid() {
        assertThatThrownBy(() -> importer.importText("Q: a?\nA: b.", ImportFormat.TEXT, "My Track", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'My Track' is not a track id");
        assertThat(importer.importText("Q: a?\nA: b.", ImportFormat.TEXT, "customer-success", "x").title())
                .isEqualTo("Customer success");
    }

    @Test
    void kindsAreGuessedFromTheWording() {
        assertThat(KindGuesser.guess("Tell me about a time you failed.")).isEqualTo(QuestionKind.BEHAVIORAL);
        assertThat(KindGuesser.guess("Give an example of a time you led without authority.")).isEqualTo(QuestionKind.BEHAVIORAL);
        assertThat(KindGuesser.guess("Have you ever disagreed with your manager?")).isEqualTo(QuestionKind.BEHAVIORAL);
        assertThat(KindGuesser.guess("Why this role?")).isEqualTo(QuestionKind.MOTIVATION);
        assertThat(KindGuesser.guess("Where do you see yourself in five years?")).isEqualTo(QuestionKind.MOTIVATION);
        assertThat(KindGuesser.guess("How would you handle a missed deadline?")).isEqualTo(QuestionKind.SITUATIONAL);
        assertThat(KindGuesser.guess("Explain why this query is slow.")).isEqualTo(QuestionKind.TECHNICAL);
        assertThat(KindGuesser.guess("What is a hash map?")).isEqualTo(QuestionKind.TECHNICAL);
    }
}
