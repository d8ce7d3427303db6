package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.feedback.ScoreModel;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import java.io.ByteArrayOutputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coach eval --fit}: fits on a set's dev part alone, says what to expect on unseen questions, writes a model
 * that loads; and the parts {@code coach eval} reports.
 */
class EvalFitCommandTest {

    @TempDir
    Path dir;

    final CommandOutput streams = new CommandOutput();
    private final ByteArrayOutputStream out = streams.out;
    private final ByteArrayOutputStream err = streams.err;

    private Path wordsOnlyConfig() throws Exception {
        Path file = dir.resolve("coach.yaml");
        Files.writeString(file, "database:\n  path: " + dir.resolve("coach.db") + "\nfeedback:\n  semantic: off\n");
        return file;
    }

    /** A dev part of example answers (strong), vague ones (weak) and other tracks' answers (off-topic). */
    private Path set() throws Exception {
        QuestionBanks banks = QuestionBanks.load(new BankReader(), Optional.empty());
        List<Question> python = banks.track("python-developer").orElseThrow().questions().subList(0, 8);
        List<Question> behavioral = banks.track("behavioral").orElseThrow().questions();
        StringBuilder yaml = new StringBuilder("track: python-developer\ncases:\n");
        for (int i = 0; i < python.size(); i++) {
            Question q = python.get(i);
            yaml.append(item(q.id(), "strong", q.exampleAnswer()));
            yaml.append(item(q.id(), "weak", "I would look into it and see what works best for the team, it depends."));
            yaml.append(item(q.id(), "off-topic", behavioral.get(i).exampleAnswer()));
        }
        Path dev = Files.createDirectories(dir.resolve("set").resolve("dev"));
        Files.writeString(dev.resolve("python-developer.yaml"), yaml.toString());
        return dir.resolve("set");
    }

    /** The dev part above, with a test part and a check part of a few answers each. */
    private Path setWithAllParts() throws Exception {
        Path set = set();
        QuestionBanks banks = QuestionBanks.load(new BankReader(), Optional.empty());
        Question q = banks.track("python-developer").orElseThrow().questions().get(9);
        for (String part : List.of("test", "check")) {
            Files.writeString(Files.createDirectories(set.resolve(part)).resolve("python-developer.yaml"),
                    "track: python-developer\ncases:\n" + item(q.id(), "strong", q.exampleAnswer())
                            + item(q.id(), "weak", "Honestly it depends on the situation, I would see what works."));
        }
        return set;
    }

    private static String item(String question, String label, String answer) {
        return "  - question: " + question + "\n    label: " + label + "\n    answer: \"" + answer.replace("\\", "\\\\")
                .replace("\"", "\\\"").replaceAll("\\s+", " ").strip() + "\"\n";
    }

    @Test
    void fitsOnTheDevPartAndWritesAModelThatLoads() throws Exception {
        Path model = dir.resolve("model.properties");
        int code = streams.run("eval", "--fit", "--fit-to", model.toString(), "--config", wordsOnlyConfig().toString(),
                set().toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("fitted without each answer's question").contains("unseen").contains("spearman")
                .contains("wrote " + model);
        ScoreModel fitted = ScoreModel.parse(Files.readString(model));
        assertThat(fitted.fittedOn()).contains("24 answers");
        assertThat(fitted.cuts()).isSorted();
    }

    @Test
    void aSetWithoutADevPartIsRefusedWithWhatToDo() throws Exception {
        Path cases = dir.resolve("cases.yaml");
        Files.writeString(cases, "track: python-developer\ncases:\n" + item("gil-and-concurrency", "weak", "It depends."));
        int code = streams.run("eval", "--fit", "--fit-to", dir.resolve("m.properties").toString(), "--config",
                wordsOnlyConfig().toString(), cases.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--fit needs a set with a dev/ part");
        assertThat(dir.resolve("m.properties")).doesNotExist();
    }

    @Test
    void reportsEveryPartTheSetHasAndFitsOnTheDevPartAlone() throws Exception {
        Path set = setWithAllParts();
        int code = streams.run("eval", "--config", wordsOnlyConfig().toString(), set.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("== dev part (24 answers)").contains("== test part (2 answers)")
                .contains("== check part (2 answers)");
        assertThat(printed.indexOf("== test part")).isLessThan(printed.indexOf("== check part"));
        assertThat(code).as("only the test part's bars decide").isIn(0, 1);

        out.reset();
        streams.run("eval", "--part", "check", "--config", wordsOnlyConfig().toString(), set.toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("== check part (2 answers)")
                .doesNotContain("== dev part").doesNotContain("== test part");

        Path model = dir.resolve("model.properties");
        assertThat(streams.run("eval", "--fit", "--fit-to", model.toString(), "--config", wordsOnlyConfig().toString(),
                set.toString())).isZero();
        assertThat(ScoreModel.parse(Files.readString(model)).fittedOn()).contains("24 answers");
    }

    @Test
    void aPartTheSetDoesNotHaveIsNamedWithThePartsItHas() throws Exception {
        int code = streams.run("eval", "--part", "check", "--config", wordsOnlyConfig().toString(), set().toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no check/ part").contains("[dev]");
        assertThat(streams.run("eval", "--part", "checks", "--config", wordsOnlyConfig().toString(), set().toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--part must be dev, test, check");
    }

    @Test
    void aMistypedLabelOrPointIsNamedBeforeAnythingIsScored() throws Exception {
        Path points = dir.resolve("points.yaml");
        Files.writeString(points, "track: behavioral\ncases:\n  - question: conflict-with-coworker\n    label: strong\n"
                + "    covers: [situation, privat-conversation]\n    answer: We disagreed, so I asked him for a coffee.\n");
        int code = streams.run("eval", "--config", wordsOnlyConfig().toString(), points.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("covers 'privat-conversation', which is not one of its points: situation, private-conversation")
                .doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("in band");

        err.reset();
        Path label = dir.resolve("label.yaml");
        Files.writeString(label, "track: behavioral\ncases:\n  - question: conflict-with-coworker\n    label: superb\n"
                + "    answer: We disagreed, so I asked him for a coffee.\n");
        assertThat(streams.run("eval", "--config", wordsOnlyConfig().toString(), label.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("case 1 ('conflict-with-coworker'): unknown label 'superb'")
                .doesNotContain("at dev.interviewcoach");
    }
}
