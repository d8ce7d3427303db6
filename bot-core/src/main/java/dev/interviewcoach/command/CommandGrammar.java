package dev.interviewcoach.command;

import dev.interviewcoach.text.EditDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every command the coach knows, read from their {@link CommandSpec}s: typed text is parsed by it
 * (Slack's {@code /coach}, a mention, a direct message, the console), a platform form's values are
 * written back as the sentence a person would type ({@link #sentence}), and help lists it.
 */
public final class CommandGrammar {

    private final List<CommandSpec> commands;
    private final Map<String, CommandSpec> byWord = new LinkedHashMap<>();

    public CommandGrammar(List<CommandSpec> commands) {
        this.commands = List.copyOf(commands);
        for (CommandSpec spec : commands) {
            register(spec.name(), spec);
            spec.aliases().forEach(alias -> register(alias, spec));
        }
    }

    private void register(String word, CommandSpec spec) {
        if (byWord.putIfAbsent(word.toLowerCase(Locale.ROOT), spec) != null) {
            throw new IllegalArgumentException("two commands answer to '" + word + "'");
        }
    }

    /** The commands, in the order they were declared. */
    public List<CommandSpec> commands() {
        return commands;
    }

    /** What one typed command means. */
    public sealed interface Parse {
        /** No words, or {@code help}; {@code about} the command asked about ("help daily", "daily help"). */
        record Help(Optional<CommandSpec> about) implements Parse {}

        /** A first word no command answers to; {@code closest} is a command typed nearly so. */
        record Unknown(String word, Optional<String> closest) implements Parse {}

        /** A known command typed wrongly: {@code message} says what was wrong and how to call it. */
        record Invalid(CommandSpec command, String message) implements Parse {}

        /** A command to run: the command's own spec (a group's subcommand), and what was given. */
        record Parsed(CommandSpec top, CommandSpec command, CommandInput input) implements Parse {}
    }

    /** Words that make a request polite and say nothing to the command: "stats please". */
    private static final Set<String> POLITE = Set.of("please", "pls", "plz");
    /**
     * Words people put before a command or between it and what it takes: "new interview", "give me a mock
     * interview", "start a mock interview". Read past only where a command word follows them.
     */
    private static final Set<String> LEAD_IN = Set.of("a", "an", "the", "new", "another", "me",
            "give", "let's", "lets", "do", "can", "you", "i", "want", "to", "quick", "some", "us", "my", "show");

    /** What asks for a command's own help after its name. */
    private static final Set<String> HELP_WORDS = Set.of("help", "--help", "-h", "?");

    /** Reads one typed command. */
    public Parse parse(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        words.removeIf(w -> w.isEmpty() || POLITE.contains(w.toLowerCase(Locale.ROOT)));
        if (words.isEmpty() || words.getFirst().equalsIgnoreCase("help")) {
            if (words.size() < 2) {
                return new Parse.Help(Optional.empty());
            }
            // "help daily" (and "help daily skip"): that command's own help; "help dialy" the command meant; "help
            // me" the whole list
            String about = words.get(1).toLowerCase(Locale.ROOT);
            CommandSpec spec = byWord.get(about);
            if (spec != null) {
                return new Parse.Help(Optional.of(spec));
            }
            Optional<String> meant = about.length() >= 4 ? closest(about) : Optional.empty();
            return meant.isPresent() ? new Parse.Unknown(about, meant) : new Parse.Help(Optional.empty());
        }
        String word = words.removeFirst().toLowerCase(Locale.ROOT);
        CommandSpec top = byWord.get(word);
        if (top == null && !words.isEmpty() && byWord.containsKey(word + "-" + words.getFirst().toLowerCase(Locale.ROOT))) {
            // a hyphenated command typed with a space, as people say it: "forget me"
            top = byWord.get(word + "-" + words.removeFirst().toLowerCase(Locale.ROOT));
        }
        if (top == null && LEAD_IN.contains(word)) {
            int at = 0;
            while (at < words.size() && LEAD_IN.contains(words.get(at).toLowerCase(Locale.ROOT))) {
                at++;
            }
            if (at < words.size() && byWord.containsKey(words.get(at).toLowerCase(Locale.ROOT))) {
                top = byWord.get(words.get(at).toLowerCase(Locale.ROOT));
                words.subList(0, at + 1).clear();
            }
        }
        if (top == null) {
            return new Parse.Unknown(word, closest(word));
        }
        // the command named again, with an article before it: "mock interview", "start a mock interview"
        while (!words.isEmpty()) {
            String next = words.getFirst().toLowerCase(Locale.ROOT);
            boolean article = (next.equals("a") || next.equals("an") || next.equals("the")) && words.size() > 1
                    && byWord.get(words.get(1).toLowerCase(Locale.ROOT)) == top;
            if (byWord.get(next) != top && !article) {
                break;
            }
            words.removeFirst();
        }
        if (words.size() == 1 && HELP_WORDS.contains(words.getFirst().toLowerCase(Locale.ROOT))) {
            return new Parse.Help(Optional.of(top)); // "daily help", "pair --help", "mock ?"
        }
        if (!top.isGroup()) {
            return read(top, top, top.name(), words);
        }
        String subWord = words.isEmpty() ? top.otherwise() : words.removeFirst();
        Optional<CommandSpec> sub = top.subcommand(subWord);
        if (sub.isEmpty()) {
            String typed = subWord.toLowerCase(Locale.ROOT);
            Optional<String> meant = top.subcommands().stream().map(CommandSpec::name)
                    .filter(n -> EditDistance.withSwaps(n, typed) <= (n.length() <= 4 ? 1 : 2))
                    .min(Comparator.comparingInt(n -> EditDistance.withSwaps(n, typed)));
            String group = top.name();
            return new Parse.Invalid(top, "I don't know \"" + group + " " + shorten(subWord) + "\"."
                    + meant.map(m -> " Did you mean " + group + " " + m + "?").orElse("") + " Try: " + top.usage());
        }
        return read(top, sub.get(), top.name() + " " + sub.get().name(), words);
    }

    private static Parse read(CommandSpec top, CommandSpec spec, String path, List<String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> words = withOnOffSaidPlainly(spec, withNumbersAsDigits(spec, given));
        for (OptionSpec option : spec.options()) {
            if (!option.followsWord()) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < words.size() - 1 && at < 0; i++) {
                at = words.get(i).equalsIgnoreCase(option.marker()) ? i : -1;
            }
            if (at >= 0) {
                // The words after the marker are its value, except those another option plainly claims
                // (a choice such as --no-followups, a key such as topic:), wherever they stand.
                List<String> value = new ArrayList<>();
                List<String> rest = new ArrayList<>(words.subList(0, at));
                for (String word : words.subList(at + 1, words.size())) {
                    (claimedElsewhere(spec, option, word) ? rest : value).add(word);
                }
                if (!value.isEmpty()) {
                    values.put(option.name(), String.join(option.joined() ? "-" : " ", value));
                }
                words = rest;
            }
        }
        for (OptionSpec option : spec.options()) {
            if (option.followsWord() && !words.isEmpty() && words.getLast().equalsIgnoreCase(option.marker())) {
                // "mock python 3 on": the word that introduces a value, with none after it
                return new Parse.Invalid(top, "Type the " + option.name() + " after \"" + option.marker() + "\", for"
                        + " example: " + path + " on caching. Usage: " + spec.usage(path));
            }
        }
        OptionSpec lastFree = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            Optional<OptionSpec> keyed = spec.options().stream()
                    .filter(o -> o.isKeyed() && lower.startsWith(o.marker())).findFirst();
            if (keyed.isPresent()) {
                values.put(keyed.get().name(), word.substring(keyed.get().marker().length()));
                continue;
            }
            // A word of a shape several options take (a day name that is also a mode) goes to the first not yet given.
            List<OptionSpec> fitting = spec.options().stream()
                    .filter(o -> o.byPosition() && !o.takesAnyWord() && o.fits(word)).toList();
            Optional<OptionSpec> byShape = fitting.stream().filter(o -> !values.containsKey(o.name())).findFirst()
                    .or(() -> fitting.stream().findFirst());
            if (byShape.isPresent() && values.containsKey(byShape.get().name())) {
                return new Parse.Invalid(top, "I read both \"" + shorten(values.get(byShape.get().name())) + "\" and \""
                        + shorten(word) + "\" as the " + byShape.get().name() + ". Usage: " + spec.usage(path));
            }
            if (byShape.isPresent()) {
                values.put(byShape.get().name(), word);
                continue;
            }
            if (word.startsWith("-") && !word.matches("-?\\d+")) {
                // "--no-followup": a mistyped flag, not a track or topic named "--no-followup"
                return new Parse.Invalid(top, "I don't know the option \"" + shorten(word) + "\"."
                        + closestFlag(spec, word).map(f -> " Did you mean " + f + "?").orElse("") + " Usage: "
                        + spec.usage(path));
            }
            Optional<OptionSpec> free = spec.options().stream().filter(o -> o.byPosition() && o.takesAnyWord()).findFirst();
            if (free.isPresent() && !values.containsKey(free.get().name())) {
                if (free.get().kind() == OptionSpec.Kind.TEXT) {
                    values.put(free.get().name(), String.join(" ", words.subList(i, words.size())));
                    break;
                }
                values.put(free.get().name(), word);
                lastFree = free.get();
                continue;
            }
            if (lastFree != null && lastFree.joined()) {
                values.merge(lastFree.name(), word, (a, b) -> a + "-" + b);
                continue;
            }
            if (lastFree != null) {
                return new Parse.Invalid(top, "I read both \"" + shorten(values.get(lastFree.name())) + "\" and \""
                        + shorten(word) + "\" as a " + lastFree.name() + ". Usage: " + spec.usage(path));
            }
            return new Parse.Invalid(top, notUnderstood(spec, path, word));
        }
        return new Parse.Parsed(top, spec, new CommandInput(path, values));
    }

    private static boolean claimedElsewhere(CommandSpec spec, OptionSpec marked, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("--")) {
            return true; // a flag, even a mistyped one, is never part of a topic
        }
        return spec.options().stream().filter(o -> o != marked).anyMatch(o -> o.isKeyed() ? lower.startsWith(o.marker())
                : o.byPosition() && (o.kind() == OptionSpec.Kind.CHOICE || o.kind() == OptionSpec.Kind.NUMBER)
                        && o.fits(word));
    }

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");

    /**
     * Where a command takes a number: "three" read as 3, and "questions" after a number dropped, as people say
     * "mock python three questions".
     */
    private static List<String> withNumbersAsDigits(CommandSpec spec, List<String> given) {
        if (spec.options().stream().noneMatch(o -> o.byPosition() && o.kind() == OptionSpec.Kind.NUMBER)) {
            return new ArrayList<>(given);
        }
        List<String> out = new ArrayList<>();
        for (String word : given) {
            String lower = word.toLowerCase(Locale.ROOT);
            int named = NUMBER_WORDS.indexOf(lower);
            boolean afterNumber = !out.isEmpty() && out.getLast().matches("\\d{1,6}");
            if (afterNumber && (lower.equals("questions") || lower.equals("question"))) {
                continue;
            }
            out.add(named >= 0 ? Integer.toString(named) : word);
        }
        return out;
    }

    private static final Set<String> SAYS_ON = Set.of("yes", "y", "true", "enable", "enabled", "start");
    private static final Set<String> SAYS_OFF = Set.of("no", "n", "false", "disable", "disabled", "stop");

    /** Where a command takes on or off: "yes", "enable" read as on, "no", "disable" as off ("remind yes"). */
    private static List<String> withOnOffSaidPlainly(CommandSpec spec, List<String> given) {
        boolean onOff = spec.options().stream().anyMatch(o -> o.byPosition() && o.kind() == OptionSpec.Kind.CHOICE
                && o.choices().stream().map(OptionSpec.Choice::value).toList().containsAll(List.of("on", "off")));
        if (!onOff) {
            return given;
        }
        return new ArrayList<>(given.stream().map(w -> SAYS_ON.contains(w.toLowerCase(Locale.ROOT)) ? "on"
                : SAYS_OFF.contains(w.toLowerCase(Locale.ROOT)) ? "off" : w).toList());
    }

    /** The choice that starts with a dash nearest a mistyped one, within a few letters. */
    private static Optional<String> closestFlag(CommandSpec spec, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return spec.options().stream().filter(o -> o.kind() == OptionSpec.Kind.CHOICE)
                .flatMap(o -> o.choices().stream()).map(OptionSpec.Choice::value).filter(v -> v.startsWith("-"))
                .filter(v -> EditDistance.withSwaps(v.toLowerCase(Locale.ROOT), lower) <= 3)
                .min(Comparator.comparingInt(v -> EditDistance.withSwaps(v.toLowerCase(Locale.ROOT), lower)));
    }

    private static String notUnderstood(CommandSpec spec, String path, String word) {
        Optional<OptionSpec> choice = spec.options().stream()
                .filter(o -> o.byPosition() && o.kind() == OptionSpec.Kind.CHOICE).findFirst();
        if (spec.options().isEmpty()) {
            return path + " takes nothing after it; I don't know what \"" + shorten(word) + "\" is. Usage: " + path;
        }
        // "(expected due)", not "(the what is due)": an option's name is for forms, not for sentences
        return "I don't know what \"" + shorten(word) + "\" is here" + choice.map(c -> " (expected "
                + String.join(" or ", c.choices().stream().map(OptionSpec.Choice::value).toList()) + ")").orElse("")
                + ". Usage: " + spec.usage(path);
    }

    /**
     * The command words (and help) a word may have meant when it is one of them with two neighbouring letters swapped
     * ("hlep", "stast", "histroy"), the slip of fast typing. Other near misses are not taken: a letter more, less or
     * different makes real words of commands (mutex and mute, heap and help, done and zone, lock and mock).
     */
    public List<String> swappedCommands(String typed) {
        String word = typed.toLowerCase(Locale.ROOT);
        return Stream.concat(byWord.keySet().stream(), Stream.of("help")).distinct()
                .filter(name -> name.length() == word.length() && !name.equals(word) && oneSwapApart(word, name))
                .sorted().toList();
    }

    /** Whether two words of one length differ only by two neighbouring letters swapped. */
    public static boolean oneSwapApart(String a, String b) {
        if (a.length() != b.length() || a.equals(b)) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first >= 0) {
                    return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                first = i;
            }
        }
        return false;
    }

    private Optional<String> closest(String word) {
        return byWord.keySet().stream()
                .filter(name -> EditDistance.between(word, name) <= 2)
                .min(Comparator.comparingInt(name -> EditDistance.between(word, name)));
    }

    /** The command and subcommand a form names, if the grammar has them. */
    public Optional<CommandSpec> find(String group, String subcommand) {
        if (group == null) {
            return Optional.ofNullable(byWord.get(subcommand.toLowerCase(Locale.ROOT))).filter(s -> !s.isGroup());
        }
        return Optional.ofNullable(byWord.get(group.toLowerCase(Locale.ROOT))).filter(CommandSpec::isGroup)
                .flatMap(g -> g.subcommand(subcommand));
    }

    /**
     * A form's values as the sentence a person would type: {@code daily subscribe} with
     * {@code zone: Europe/Berlin, track: sql-and-data} is {@code daily subscribe sql-and-data
     * Europe/Berlin}. Values follow the options' declared order whatever order they were filled in,
     * blank ones are left out, and a value the spec does not know (a form registered by an older
     * version) comes last rather than being lost.
     */
    public String sentence(String group, String subcommand, Map<String, String> given) {
        if (subcommand == null) {
            return "help";
        }
        StringBuilder text = new StringBuilder(group == null ? subcommand : group + " " + subcommand);
        Map<String, String> left = new LinkedHashMap<>(given);
        for (OptionSpec option : find(group, subcommand).map(CommandSpec::options).orElse(List.of())) {
            String value = left.remove(option.name());
            if (value != null && !value.isBlank()) {
                text.append(' ').append(written(option, value.strip()));
            }
        }
        left.values().stream().filter(v -> v != null && !v.isBlank()).forEach(v -> text.append(' ').append(v.strip()));
        return text.toString();
    }

    private static String written(OptionSpec option, String value) {
        if (option.isKeyed()) {
            return option.marker() + value.replaceAll("\\s+", "-");
        }
        if (option.followsWord()) {
            return option.marker() + " " + value;
        }
        return switch (option.kind()) {
            case TEXT -> value;
            // One word when typed: "9 am" or "mon, wed" must not fall apart into two.
            case WORD -> value.replaceAll("\\s+", option.joined() ? "-" : "");
            case NUMBER, CHOICE -> value.replaceAll("\\s+", "");
        };
    }

    private static String shorten(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "..." : word;
    }
}
