package dev.interviewcoach.question;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every track the coach knows: the built-in banks shipped in the jar, then the files of a
 * custom folder, which add tracks or replace built-in questions by id.
 */
public final class QuestionBanks {

    /** The built-in bank files, in the order they are listed to people. */
    static final String BUILT_IN_INDEX = "banks/index.txt";

    private final Map<String, Bank> banks;
    private final List<BankProblem> problems;
    /** Every question by id, the first of the tracks in {@link #banks}' order: looked up for each answer scored. */
    private final Map<String, Question> byId = new HashMap<>();

    private QuestionBanks(Map<String, Bank> banks, List<BankProblem> problems) {
        this.banks = Map.copyOf(banks);
        this.problems = List.copyOf(problems);
        this.banks.values().forEach(b -> b.questions().forEach(q -> byId.putIfAbsent(q.id(), q)));
    }

    public static QuestionBanks of(List<Bank> banks) {
        return of(banks, List.of());
    }

    /**
     * Loads the built-in banks (a broken one is a bug: it throws) and the custom folder, if any.
     * A broken custom file is left out and its problems are kept for {@link #problems()}.
     */
    public static QuestionBanks load(BankReader reader, Optional<Path> customDir) {
        List<Bank> banks = new ArrayList<>(builtIn(reader));
        List<BankProblem> problems = new ArrayList<>();
        if (customDir.isPresent()) {
            Path dir = customDir.get();
            if (!Files.isDirectory(dir)) {
                problems.add(new BankProblem(dir.toString(), 0, "",
                        "custom bank folder not found; create it or change banks.customDir"));
            } else {
                for (Path file : yamlFiles(dir)) {
                    BankReader.Result result = readCustom(reader, file);
                    problems.addAll(result.problems());
                    result.bank().ifPresent(banks::add);
                }
            }
        }
        return of(banks, problems);
    }

    /** The banks shipped in the jar. */
    static List<Bank> builtIn(BankReader reader) {
        return builtInFiles().stream().map(file -> reader.read(file, resource("banks/" + file)).orThrow()).toList();
    }

    static QuestionBanks of(List<Bank> banks, List<BankProblem> problems) {
        Map<String, Bank> byTrack = new LinkedHashMap<>();
        banks.forEach(b -> byTrack.merge(b.track(), b, QuestionBanks::overlay));
        return new QuestionBanks(byTrack, problems);
    }

    static BankReader.Result readCustom(BankReader reader, Path file) {
        try {
            return reader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new BankReader.Result(Optional.empty(), List.of(new BankProblem(file.toString(), 0, "",
                    "cannot read the file: " + e.getMessage())));
        }
    }

    /** Problems in custom bank files that were left out. */
    public List<BankProblem> problems() {
        return problems;
    }

    /** All tracks, sorted by id. */
    public List<Bank> tracks() {
        return banks.values().stream().sorted(Comparator.comparing(Bank::track)).toList();
    }

    /**
     * The track a person meant: its exact id, else the only track whose id starts with or
     * contains what they typed ("python" finds python-developer).
     */
    public Optional<Bank> track(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String wanted = typed.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
        Bank exact = banks.get(wanted);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<Bank> prefixed = banks.values().stream().filter(b -> b.track().startsWith(wanted)).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.getFirst());
        }
        List<Bank> containing = banks.values().stream().filter(b -> b.track().contains(wanted)).toList();
        return containing.size() == 1 ? Optional.of(containing.getFirst()) : Optional.empty();
    }

    public Optional<Question> question(String track, String id) {
        return Optional.ofNullable(banks.get(track)).flatMap(b -> b.question(id));
    }

    /** Finds a question by id in any track. */
    public Optional<Question> question(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static Bank overlay(Bank base, Bank custom) {
        Map<String, Question> byId = new LinkedHashMap<>();
        base.questions().forEach(q -> byId.put(q.id(), q));
        custom.questions().forEach(q -> byId.put(q.id(), q));
        String description = custom.description().isBlank() ? base.description() : custom.description();
        return new Bank(base.track(), custom.title(), description, List.copyOf(byId.values()), custom.source());
    }

    private static List<String> builtInFiles() {
        return resource(BUILT_IN_INDEX).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = QuestionBanks.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list custom banks in " + dir, e);
        }
    }
}
