package dev.interviewcoach.app;

import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.QuestionSearch;
import dev.interviewcoach.text.TextAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code coach bank search}: questions ranked by how well they match some words. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Rank questions by relevance (BM25 over question, tags and talking points).")
final class BankSearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to look for, e.g. \"caching invalidation\".")
    List<String> words;

    @Option(names = "--track", description = "Only this track.")
    String track;

    @Option(names = "--limit", defaultValue = "10", description = "How many results (default 10).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array of {track, id, score, question}, best first, for scripts.")
    boolean json;

    @Option(names = "--config", description = "Configuration file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        QuestionBanks banks = BankCommand.loadBanks(config);
        Optional<String> inTrack = Optional.empty();
        if (track != null) {
            var bank = banks.track(track);
            if (bank.isEmpty()) {
                spec.commandLine().getErr().println("No track '" + track + "'. Run: coach bank list");
                return 1;
            }
            inTrack = Optional.of(bank.get().track());
        }
        String query = String.join(" ", words);
        try (TextAnalyzer analyzer = new TextAnalyzer()) {
            List<QuestionSearch.Hit> hits = new QuestionSearch(banks, analyzer).search(query, inTrack, Math.max(1, limit));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                var mapper = new ObjectMapper();
                var array = mapper.createArrayNode();
                for (QuestionSearch.Hit hit : hits) {
                    array.addObject().put("track", hit.question().track()).put("id", hit.question().id())
                            .put("score", Math.round(hit.score() * 1000) / 1000.0)
                            .put("question", hit.question().text().replaceAll("\\s+", " ").strip());
                }
                try {
                    out.println(mapper.writeValueAsString(array));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("search hits are always serialisable", e);
                }
                // An empty array is an answer too: a script reads "nothing matched" from it.
                return hits.isEmpty() ? 1 : 0;
            }
            if (hits.isEmpty()) {
                out.println("No question matches \"" + query + "\". Try other words.");
                return 1;
            }
            for (QuestionSearch.Hit hit : hits) {
                String text = hit.question().text().replaceAll("\\s+", " ").strip();
                out.printf("%6.2f  %s/%s%n        %s%n", hit.score(), hit.question().track(), hit.question().id(),
                        text.length() > 100 ? text.substring(0, 97) + "..." : text);
            }
        }
        return 0;
    }
}
