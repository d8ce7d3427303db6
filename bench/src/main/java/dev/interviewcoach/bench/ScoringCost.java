package dev.interviewcoach.bench;

import com.sun.management.ThreadMXBean;
import dev.interviewcoach.feedback.Evaluation;
import dev.interviewcoach.feedback.FeedbackJson;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.MiniLmEmbedder;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.text.TextAnalyzer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What judging answers costs, on the 922 labelled answers of the evaluation set rather than one
 * answer: the CPU time and the bytes this thread spends per answer (words only, round after round
 * in one JVM), which a busy machine moves far less than wall-clock time. With {@code --dump=FILE}
 * it instead writes every answer's whole feedback as JSON, one line each, so two builds can be
 * compared byte for byte (a change meant to make scoring cheaper must leave that file unchanged).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.interviewcoach.bench.ScoringCost [--rounds=10] [--set=bot-core/src/test/resources/eval]
 * java -cp bench/target/benchmarks.jar dev.interviewcoach.bench.ScoringCost --dump=scores.txt [--meaning]
 * java -cp bench/target/benchmarks.jar dev.interviewcoach.bench.ScoringCost --practice   # the load harness's answers
 * </pre>
 */
public final class ScoringCost {

    private ScoringCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 10;
        Path set = Path.of("bot-core/src/test/resources/eval");
        Path dump = null;
        boolean meaning = false;
        boolean practice = false;
        for (String arg : args) {
            if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring("--rounds=".length()));
            } else if (arg.startsWith("--set=")) {
                set = Path.of(arg.substring("--set=".length()));
            } else if (arg.startsWith("--dump=")) {
                dump = Path.of(arg.substring("--dump=".length()));
            } else if (arg.equals("--meaning")) {
                meaning = true;
            } else if (arg.equals("--practice")) {
                practice = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "; use --rounds=N, --set=PATH, --dump=FILE, --meaning, --practice");
            }
        }
        QuestionBanks banks = QuestionBanks.load(new BankReader(), Optional.empty());
        List<String> sources = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        if (practice) {
            // What the load harness types, against every question of the track its people practise.
            for (Question q : banks.track("python-developer").orElseThrow().questions()) {
                for (int i = 0; i < PracticeAnswers.count(); i++) {
                    sources.add("practice-" + i);
                    answers.add(PracticeAnswers.answer(i, 0));
                    questions.add(q);
                }
            }
        } else {
            for (Evaluation.Case c : Evaluation.load(set)) {
                sources.add(c.source());
                answers.add(c.answer());
                questions.add(banks.question(c.track(), c.questionId()).orElseThrow());
            }
        }
        try (TextAnalyzer analyzer = new TextAnalyzer()) {
            // Vectors are made afresh (no cache folder), so a dump depends on nothing left by an earlier run.
            Optional<CachedEmbedder> model = meaning
                    ? Optional.of(new CachedEmbedder(new MiniLmEmbedder(), Optional.empty())) : Optional.empty();
            RuleBasedFeedbackEngine engine = new RuleBasedFeedbackEngine(BankCatalog.of(banks), analyzer, model);
            if (dump != null) {
                FeedbackJson json = new FeedbackJson();
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) {
                    lines.add(i + "\t" + sources.get(i) + "\t"
                            + json.write(questions.get(i), engine.assess(questions.get(i), answers.get(i))).replace("\n", " "));
                }
                Files.write(dump, lines);
                System.out.println(answers.size() + " answers' feedback written to " + dump);
            } else {
                measure(engine, answers, questions, rounds, System.out);
            }
        }
    }

    private static void measure(RuleBasedFeedbackEngine engine, List<String> answers, List<Question> questions,
                                int rounds, PrintStream out) {
        ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> cpu = new ArrayList<>();
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long cpuBefore = thread.getCurrentThreadCpuTime();
            long bytesBefore = thread.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < answers.size(); i++) {
                sink += engine.assess(questions.get(i), answers.get(i)).score();
            }
            double micros = (thread.getCurrentThreadCpuTime() - cpuBefore) / 1e3 / answers.size();
            double kib = (thread.getCurrentThreadAllocatedBytes() - bytesBefore) / 1024.0 / answers.size();
            cpu.add(micros);
            out.printf("round %d: %.1f µs CPU and %.0f KiB allocated per answer%n", r + 1, micros, kib);
        }
        // The first rounds warm the JIT up; the later half is the steady state.
        List<Double> warm = new ArrayList<>(cpu.subList(rounds / 2, rounds));
        warm.sort(null);
        out.printf("%d answers, median of rounds %d to %d: %.1f µs CPU per answer (scores total %d)%n", answers.size(),
                rounds / 2 + 1, rounds, warm.get(warm.size() / 2), sink);
    }
}
