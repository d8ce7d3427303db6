package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.TestBanks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankReaderTest {

    private final BankReader reader = new BankReader();

    private static final String GOOD_QUESTION = """
              - id: %s
                kind: technical
                difficulty: 2
                question: What is a race condition?
                why: Checks concurrency basics.
                guidance: Define it and give an example.
                talking_points:
                  - id: define
                    point: Two threads touch shared state without ordering.
                    shown_by: [shared state, interleaving]
                example_answer: Two threads increment a counter and lose updates.
            """;

    private static String bank(String... questions) {
        return "track: demo\ntitle: Demo\nquestions:\n" + String.join("", questions);
    }

    @Test
    void readsAWellFormedBank() {
        BankReader.Result result = reader.read("demo.yaml", bank(GOOD_QUESTION.formatted("race")));
        assertThat(result.problems()).isEmpty();
        Bank bank = result.bank().orElseThrow();
        assertThat(bank.track()).isEqualTo("demo");
        Question q = bank.questions().getFirst();
        assertThat(q.kind()).isEqualTo(QuestionKind.TECHNICAL);
        assertThat(q.difficulty()).isEqualTo(2);
        assertThat(q.talkingPoints().getFirst().shownBy()).containsExactly("shared state", "interleaving");
        assertThat(q.hints()).isEmpty();
    }

    @Test
    void readsAPointsOtherWordingsAndRefusesOneThatIsNotAList() {
        String yaml = """
                track: demo
                title: Demo
                questions:
                  - id: one
                    kind: technical
                    difficulty: 1
                    question: Q?
                    why: W.
                    guidance: G.
                    talking_points:
                      - id: p
                        point: Two threads touching the same data can interleave.
                        shown_by: [race]
                        in_other_words:
                          - "When two workers change one value at once, one update can be lost."
                          - "Unsynchronised writes step on each other."
                        in_everyday_words:
                          - "if two things change the same number at the same moment, one change can vanish."
                      - id: q
                        point: Q.
                        shown_by: [q]
                        in_other_words: one sentence
                    example_answer: E.
                """;
        List<String> problems = reader.read("w.yaml", yaml).problems().stream().map(BankProblem::toString).toList();
        assertThat(problems).containsExactly(
                "w.yaml:22: questions[1].talking_points[2].in_other_words: expected a list, e.g. [first, second] or lines starting with '- '");
        Bank bank = reader.read("w.yaml", yaml.replace("in_other_words: one sentence", "in_other_words: []")).orThrow();
        TalkingPoint p = bank.questions().getFirst().talkingPoints().getFirst();
        assertThat(p.inOtherWords()).containsExactly(
                "When two workers change one value at once, one update can be lost.", "Unsynchronised writes step on each other.");
        assertThat(p.inEverydayWords()).containsExactly(
                "if two things change the same number at the same moment, one change can vanish.");
        assertThat(bank.questions().getFirst().talkingPoints().get(1).inOtherWords()).isEmpty();
        assertThat(bank.questions().getFirst().talkingPoints().get(1).inEverydayWords()).isEmpty();
    }

    @Test
    void readsMisconceptionsAndNamesTheLineOfABadOne() {
        String yaml = """
                track: demo
                title: Demo
                questions:
                  - id: one
                    kind: technical
                    difficulty: 1
                    question: Q?
                    why: W.
                    guidance: G.
                    talking_points:
                      - id: p
                        point: P.
                        shown_by: [p]
                    misconceptions:
                      - claim: The GIL is gone.
                        spotted_by: [GIL is gone, no GIL anymore]
                        correction: CPython still has it.
                      - claim: Threads are useless.
                        spoted_by: [threads are useless]
                    example_answer: E.
                """;
        BankReader.Result result = reader.read("bank.yaml", yaml);
        assertThat(result.problems()).extracting(BankProblem::toString).containsExactly(
                "bank.yaml:18: questions[1].misconceptions[2].correction: missing field 'correction'",
                "bank.yaml:18: questions[1].misconceptions[2].spotted_by: missing field 'spotted_by'",
                "bank.yaml:19: questions[1].misconceptions[2].spoted_by: unknown field (did you mean 'spotted_by'?); "
                        + "allowed here: claim, correction, spotted_by");
        String fixed = yaml.replace("        spoted_by: [threads are useless]\n",
                "        spotted_by: [threads are useless]\n        correction: They help I/O-bound work.\n");
        Question q = reader.read("bank.yaml", fixed).orThrow().questions().getFirst();
        assertThat(q.misconceptions()).hasSize(2);
        assertThat(q.misconceptions().getFirst().spottedBy()).containsExactly("GIL is gone", "no GIL anymore");
        assertThat(q.misconceptions().get(1).correction()).isEqualTo("They help I/O-bound work.");
    }

    @Test
    void misconceptionsListedForTheWholeFileJoinEveryQuestionsOwnAndABadOneIsNamed() {
        String redFlags = """
                misconceptions:
                  - claim: I hid the mistake so nobody would worry.
                    spotted_by: [kept it quiet, covered it up]
                    correction: Say what went wrong and who you told.
                """;
        Bank bank = reader.read("demo.yaml", bank(GOOD_QUESTION.formatted("one"), GOOD_QUESTION.formatted("two"))
                + redFlags).orThrow();
        for (Question q : bank.questions()) {
            assertThat(q.misconceptions()).extracting(Misconception::claim)
                    .containsExactly("I hid the mistake so nobody would worry.");
            assertThat(q.misconceptions().getFirst().trackWide()).isTrue();
            assertThat(q.ownMisconceptions()).isEmpty();
        }
        assertThat(bank.trackWideMisconceptions()).hasSize(1);

        BankReader.Result bad = reader.read("demo.yaml", bank(GOOD_QUESTION.formatted("one"))
                + redFlags.replace("    correction: Say what went wrong and who you told.\n", ""));
        assertThat(bad.problems()).extracting(BankProblem::toString)
                .containsExactly("demo.yaml:16: misconceptions[1].correction: missing field 'correction'");
    }

    @Test
    void namesThreePlantedMistakesWithTheirLines() {
        String yaml = """
                track: demo
                title: Demo
                questions:
                  - id: one
                    kind: technical
                    difficulty: 5
                    question: Q?
                    why: W.
                    guidance: G.
                    talking_points:
                      - id: p
                        point: P.
                        shown_by: [p]
                    example_answer: E.
                  - id: one
                    kind: technical
                    difficulty: 1
                    question: Q?
                    why: W.
                    guidance: G.
                    talking_point: []
                    example_answer: E.
                """;
        List<BankProblem> problems = reader.read("bad.yaml", yaml).problems();
        assertThat(problems).extracting(BankProblem::toString).containsExactly(
                "bad.yaml:6: questions[1].difficulty: difficulty must be 1, 2 or 3 (warm-up to senior), not 5",
                "bad.yaml:15: questions[2].talking_points: missing field 'talking_points'",
                "bad.yaml:15: questions[2].id: duplicate id 'one' (first used on line 4); ids must be unique in a track",
                "bad.yaml:21: questions[2].talking_point: unknown field (did you mean 'talking_points'?); allowed here: "
                        + "difficulty, example_answer, follow_ups, guidance, hints, id, kind, misconceptions, question, talking_points, topics, why");
    }

    @Test
    void reportsEmptyTalkingPointsAndMissingFields() {
        String yaml = bank("""
                  - id: two
                    kind: opinion
                    difficulty: hard
                    question: Q?
                    talking_points: []
                    example_answer: E.
                """);
        List<String> problems = reader.read("f.yaml", yaml).problems().stream().map(BankProblem::toString).toList();
        assertThat(problems).contains(
                "f.yaml:4: questions[1].why: missing field 'why'",
                "f.yaml:4: questions[1].guidance: missing field 'guidance'",
                "f.yaml:5: questions[1].kind: 'opinion' is not a kind: use technical, behavioral, situational or motivation",
                "f.yaml:6: questions[1].difficulty: difficulty must be the number 1, 2 or 3, not 'hard'",
                "f.yaml:8: questions[1].talking_points: no talking points: list at least one, with id, point and"
                        + " shown_by, so answers can be judged");
    }

    @Test
    void reportsBrokenYamlWithItsLine() {
        List<BankProblem> problems = reader.read("x.yaml", "track: demo\ntitle: [unclosed\nquestions:\n").problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThan(0);
        });
    }

    @Test
    void reportsAFileThatIsNotABank() {
        assertThat(reader.read("x.yaml", "- just\n- a list\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("track, title and questions"));
        assertThat(reader.read("x.yaml", "").problems()).isNotEmpty();
    }

    @Test
    void everyBuiltInTrackLoadsAndIsComplete() {
        QuestionBanks banks = QuestionBanks.load(reader, Optional.empty());
        assertThat(banks.tracks()).extracting(Bank::track)
                .contains("python-developer", "java-backend", "behavioral", "system-design", "sql-and-data");
        Bank python = banks.track("python").orElseThrow();
        assertThat(python.questions()).hasSizeGreaterThanOrEqualTo(24);
        for (Bank bank : banks.tracks()) {
            for (Question q : bank.questions()) {
                assertThat(q.talkingPoints()).as(q.id()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(q.hints()).as(q.id()).isNotEmpty();
                assertThat(q.followUps()).as(q.id()).isNotEmpty();
                int words = q.exampleAnswer().split("\\s+").length;
                assertThat(words).as(q.id() + " example answer words").isBetween(60, 150);
            }
        }
    }

    @Test
    void findsTracksByWhatPeopleType() {
        QuestionBanks banks = QuestionBanks.load(reader, Optional.empty());
        assertThat(banks.track("python")).map(Bank::track).hasValue("python-developer");
        assertThat(banks.track("System Design")).map(Bank::track).hasValue("system-design");
        assertThat(banks.track("nonsense")).isEmpty();
    }

    @Test
    void aCustomBankOverridesBuiltInQuestionsById() {
        Bank base = TestBanks.tiny();
        Bank custom = reader.read("custom.yaml", """
                track: tiny
                title: Tiny, customised
                questions:
                """ + GOOD_QUESTION.formatted("caching")).orThrow();
        QuestionBanks banks = QuestionBanks.of(List.of(base, custom));
        Bank merged = banks.track("tiny").orElseThrow();
        assertThat(merged.questions()).hasSize(3);
        assertThat(merged.question("caching").orElseThrow().text()).isEqualTo("What is a race condition?");
        assertThat(merged.title()).isEqualTo("Tiny, customised");
    }
}
