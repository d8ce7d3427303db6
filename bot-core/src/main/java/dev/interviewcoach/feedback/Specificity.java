package dev.interviewcoach.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How concrete an answer is: numbers, named tools and technologies (from the glossary in
 * {@code feedback/glossary.txt}), and a real case ("in one project...") rather than generalities.
 */
public final class Specificity {

    /** What made an answer concrete. */
    public record Result(int numbers, List<String> namedTools, boolean realCase) {
        public Result {
            namedTools = List.copyOf(namedTools);
        }

        /** 0 (only generalities) to 1 (numbers, tools and a real case). */
        public double level() {
            double level = 0;
            level += Math.min(numbers, 2) * 0.2;
            level += Math.min(namedTools.size(), 3) * 0.1;
            level += realCase ? 0.3 : 0;
            return Math.min(1, level);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}])\\d+(?:[.,]\\d+)?(?:\\s?(?:%|ms|s|k|m|gb|mb|tb|x))?(?![\\p{L}])"
            + "|\\b(two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred|thousand|million|billion|half|double|doubled|halved|dozen)\\b");
    private static final Pattern REAL_CASE = Pattern.compile("\\b(in (one|a|my|our) (project|service|team|job|previous|last|current|role|company|startup)"
            + "|at my (last|previous|current|old|first) (job|company|role|team|employer)|last (year|month|week|quarter)|we had|i once|we once"
            + "|in production|on my team|at work|in my (last|previous|current) (role|job|team|company)|a few (months|years|weeks) ago|recently)\\b");

    private final Set<String> glossary;
    private final Pattern glossaryPattern;

    public Specificity() {
        this.glossary = loadGlossary();
        this.glossaryPattern = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", glossary.stream()
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()) + ")(?![\\p{L}\\p{N}])");
    }

    public Result assess(AnalyzedText answer) {
        String text = answer.spaced();
        int numbers = 0;
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            numbers++;
        }
        Set<String> tools = new LinkedHashSet<>();
        Matcher g = glossaryPattern.matcher(text);
        while (g.find()) {
            tools.add(g.group(1));
        }
        return new Result(numbers, List.copyOf(tools), REAL_CASE.matcher(text).find());
    }

    private static Set<String> loadGlossary() {
        try (InputStream in = Specificity.class.getResourceAsStream("glossary.txt")) {
            if (in == null) {
                throw new IllegalStateException("feedback/glossary.txt missing from the build");
            }
            Set<String> terms = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(java.util.Locale.ROOT))
                    .forEach(terms::add);
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
