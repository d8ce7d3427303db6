package dev.interviewcoach.question;

import dev.interviewcoach.text.EditDistance;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.interviewcoach.question.YamlNode.Entry;
import dev.interviewcoach.question.YamlNode.Mapping;
import dev.interviewcoach.question.YamlNode.Scalar;
import dev.interviewcoach.question.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a bank file and checks it whole: every problem is collected with its line and field,
 * so a person fixes a file in one pass rather than one error per run.
 */
public final class BankReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Set<String> BANK_FIELDS = Set.of("track", "title", "description", "questions", "misconceptions");
    private static final Set<String> BANK_REQUIRED = Set.of("track", "title", "questions");
    static final Set<String> QUESTION_FIELDS = Set.of("id", "kind", "difficulty", "topics", "question", "why",
            "guidance", "talking_points", "example_answer", "hints", "follow_ups", "misconceptions");
    private static final Set<String> QUESTION_REQUIRED = Set.of("id", "kind", "difficulty", "question", "why",
            "guidance", "talking_points", "example_answer");
    static final Set<String> POINT_FIELDS = Set.of("id", "point", "shown_by", "follow_up", "in_other_words",
            "in_everyday_words");
    static final Set<String> POINT_REQUIRED = Set.of("id", "point", "shown_by");
    static final Set<String> MISCONCEPTION_FIELDS = Set.of("claim", "spotted_by", "correction");

    private final YAMLFactory yaml = YAMLFactory.builder().build();

    /** The outcome of reading one file: a bank when it has no problems. */
    public record Result(Optional<Bank> bank, List<BankProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        public Bank orThrow() {
            return bank.orElseThrow(() -> new BankLoadException(problems));
        }
    }

    public Result read(String file, String text) {
        Problems problems = new Problems(file);
        YamlNode root;
        try {
            root = YamlNode.parse(yaml, text);
        } catch (YamlNode.YamlSyntaxException e) {
            problems.add(e.line(), "", "not valid YAML: " + firstLine(e.getMessage())
                    + " (check indentation and quote text that contains ': ')");
            return problems.result(null);
        }
        if (!(root instanceof Mapping top)) {
            problems.add(root.line(), "", "a bank file is a mapping with track, title and questions; see docs/banks.md");
            return problems.result(null);
        }
        checkFields(problems, top, "", BANK_FIELDS, BANK_REQUIRED);
        String track = text(problems, top, "", "track");
        if (track != null && !ID.matcher(track).matches()) {
            problems.add(top.entries().get("track").value().line(), "track",
                    "'" + track + "' is not a track id: use lowercase letters, digits and dashes, e.g. python-developer");
        }
        String title = text(problems, top, "", "title");
        String description = optionalText(problems, top, "", "description");
        // Red flags of any question of the track ("I hid my mistake" in any story), listed once, spotted by phrases
        List<Misconception> trackWide = misconceptions(problems, top, "").stream()
                .map(m -> new Misconception(m.claim(), m.spottedBy(), m.correction(), true)).toList();
        List<Question> questions = new ArrayList<>();
        Entry questionsEntry = top.entries().get("questions");
        if (questionsEntry != null) {
            if (questionsEntry.value() instanceof Sequence seq) {
                if (seq.items().isEmpty()) {
                    problems.add(questionsEntry.keyLine(), "questions", "the bank has no questions; add at least one");
                }
                Map<String, Integer> seenIds = new HashMap<>();
                for (int i = 0; i < seq.items().size(); i++) {
                    question(problems, seq.items().get(i), "questions[" + (i + 1) + "]", track, seenIds, trackWide)
                            .ifPresent(questions::add);
                }
            } else if (!isNull(questionsEntry.value())) {
                problems.add(questionsEntry.value().line(), "questions", "expected a list of questions (lines starting with '- ')");
            } else {
                problems.add(questionsEntry.keyLine(), "questions", "the bank has no questions; add at least one");
            }
        }
        return problems.result(problems.isEmpty()
                ? new Bank(track, title, description == null ? "" : description, questions, file) : null);
    }

    private Optional<Question> question(Problems problems, YamlNode node, String path, String track,
                                        Map<String, Integer> seenIds, List<Misconception> trackWide) {
        if (!(node instanceof Mapping q)) {
            problems.add(node.line(), path, "expected a question (a mapping with id, kind, question, ...)");
            return Optional.empty();
        }
        int before = problems.count();
        checkFields(problems, q, path, QUESTION_FIELDS, QUESTION_REQUIRED);
        String id = text(problems, q, path, "id");
        if (id != null) {
            Entry idEntry = q.entries().get("id");
            if (!ID.matcher(id).matches()) {
                problems.add(idEntry.value().line(), path + ".id",
                        "'" + id + "' is not a valid id: use lowercase letters, digits and dashes");
            }
            Integer firstLine = seenIds.putIfAbsent(id, idEntry.value().line());
            if (firstLine != null) {
                problems.add(idEntry.value().line(), path + ".id",
                        "duplicate id '" + id + "' (first used on line " + firstLine + "); ids must be unique in a track");
            }
        }
        QuestionKind kind = null;
        String kindWord = text(problems, q, path, "kind");
        if (kindWord != null) {
            kind = QuestionKind.fromWord(kindWord).orElse(null);
            if (kind == null) {
                problems.add(q.entries().get("kind").value().line(), path + ".kind",
                        "'" + kindWord + "' is not a kind: use technical, behavioral, situational or motivation");
            }
        }
        int difficulty = difficulty(problems, q, path);
        List<String> topics = textList(problems, q, path, "topics");
        String text = text(problems, q, path, "question");
        String why = text(problems, q, path, "why");
        String guidance = text(problems, q, path, "guidance");
        List<TalkingPoint> points = talkingPoints(problems, q, path);
        String example = text(problems, q, path, "example_answer");
        List<String> hints = textList(problems, q, path, "hints");
        List<String> followUps = textList(problems, q, path, "follow_ups");
        List<Misconception> misconceptions = new ArrayList<>(misconceptions(problems, q, path));
        misconceptions.addAll(trackWide);
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Question(id, track, kind, difficulty, topics, text, why, guidance, points,
                example, hints, followUps, misconceptions));
    }

    private int difficulty(Problems problems, Mapping q, String path) {
        Entry entry = q.entries().get("difficulty");
        if (entry == null) {
            return 0;
        }
        String field = path + ".difficulty";
        if (entry.value() instanceof Scalar s && s.token() == JsonToken.VALUE_NUMBER_INT) {
            int value = Integer.parseInt(s.text());
            if (value < 1 || value > 3) {
                problems.add(s.line(), field, "difficulty must be 1, 2 or 3 (warm-up to senior), not " + value);
            }
            return value;
        }
        String shown = entry.value() instanceof Scalar s && s.text() != null ? "'" + s.text() + "'" : "nothing";
        problems.add(entry.value().line(), field, "difficulty must be the number 1, 2 or 3, not " + shown);
        return 0;
    }

    private List<TalkingPoint> talkingPoints(Problems problems, Mapping q, String path) {
        Entry entry = q.entries().get("talking_points");
        if (entry == null) {
            return List.of();
        }
        String field = path + ".talking_points";
        if (!(entry.value() instanceof Sequence seq) || seq.items().isEmpty()) {
            if (isNull(entry.value()) || entry.value() instanceof Sequence) {
                problems.add(entry.keyLine(), field,
                        "no talking points: list at least one, with id, point and shown_by, so answers can be judged");
            } else {
                problems.add(entry.value().line(), field, "expected a list of talking points (lines starting with '- ')");
            }
            return List.of();
        }
        List<TalkingPoint> points = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode node = seq.items().get(i);
            String pointPath = field + "[" + (i + 1) + "]";
            if (!(node instanceof Mapping p)) {
                problems.add(node.line(), pointPath, "expected a talking point with id, point and shown_by");
                continue;
            }
            checkFields(problems, p, pointPath, POINT_FIELDS, POINT_REQUIRED);
            String id = text(problems, p, pointPath, "id");
            if (id != null) {
                Integer first = seen.putIfAbsent(id, p.entries().get("id").value().line());
                if (first != null) {
                    problems.add(p.entries().get("id").value().line(), pointPath + ".id",
                            "duplicate talking point id '" + id + "' (first used on line " + first + ")");
                }
            }
            String point = text(problems, p, pointPath, "point");
            List<String> shownBy = textList(problems, p, pointPath, "shown_by");
            if (p.entries().containsKey("shown_by") && shownBy.isEmpty()) {
                problems.add(p.entries().get("shown_by").keyLine(), pointPath + ".shown_by",
                        "list at least one word or phrase that shows this point");
            }
            Optional<String> followUp = p.entries().containsKey("follow_up")
                    ? Optional.ofNullable(text(problems, p, pointPath, "follow_up")) : Optional.empty();
            List<String> inOtherWords = textList(problems, p, pointPath, "in_other_words");
            List<String> inEverydayWords = textList(problems, p, pointPath, "in_everyday_words");
            points.add(new TalkingPoint(id, point, shownBy, followUp, inOtherWords, inEverydayWords));
        }
        return points;
    }

    private List<Misconception> misconceptions(Problems problems, Mapping q, String path) {
        Entry entry = q.entries().get("misconceptions");
        if (entry == null || isNull(entry.value())) {
            return List.of();
        }
        String field = join(path, "misconceptions");
        if (!(entry.value() instanceof Sequence seq)) {
            problems.add(entry.value().line(), field,
                    "expected a list of misconceptions (lines starting with '- '), each with claim, spotted_by and correction");
            return List.of();
        }
        List<Misconception> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode node = seq.items().get(i);
            String itemPath = field + "[" + (i + 1) + "]";
            if (!(node instanceof Mapping m)) {
                problems.add(node.line(), itemPath, "expected a misconception with claim, spotted_by and correction");
                continue;
            }
            checkFields(problems, m, itemPath, MISCONCEPTION_FIELDS, MISCONCEPTION_FIELDS);
            String claim = text(problems, m, itemPath, "claim");
            List<String> spottedBy = textList(problems, m, itemPath, "spotted_by");
            if (m.entries().containsKey("spotted_by") && spottedBy.isEmpty()) {
                problems.add(m.entries().get("spotted_by").keyLine(), itemPath + ".spotted_by",
                        "list at least one phrase that a person asserting this claim would write");
            }
            String correction = text(problems, m, itemPath, "correction");
            out.add(new Misconception(claim, spottedBy, correction));
        }
        return out;
    }

    private void checkFields(Problems problems, Mapping map, String path, Set<String> allowed, Set<String> required) {
        for (Entry entry : map.entries().values()) {
            if (!allowed.contains(entry.key())) {
                String hint = closest(entry.key(), allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
                problems.add(entry.keyLine(), join(path, entry.key()), "unknown field" + hint
                        + "; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        for (Entry dup : map.duplicates()) {
            problems.add(dup.keyLine(), join(path, dup.key()), "field given twice; keep one");
        }
        required.stream().sorted().filter(name -> !map.entries().containsKey(name)).forEach(name ->
                problems.add(map.line(), join(path, name), "missing field '" + name + "'"));
    }

    private String text(Problems problems, Mapping map, String path, String name) {
        Entry entry = map.entries().get(name);
        if (entry == null) {
            return null; // reported as missing by checkFields when required
        }
        if (entry.value() instanceof Scalar s && !s.isNull()) {
            if (s.text().isBlank()) {
                problems.add(s.line(), join(path, name), "must not be empty");
                return null;
            }
            return s.text().strip();
        }
        if (isNull(entry.value())) {
            problems.add(entry.keyLine(), join(path, name), "must not be empty");
        } else {
            problems.add(entry.value().line(), join(path, name), "expected text, found a "
                    + (entry.value() instanceof Sequence ? "list" : "mapping"));
        }
        return null;
    }

    private String optionalText(Problems problems, Mapping map, String path, String name) {
        Entry entry = map.entries().get(name);
        return entry == null || isNull(entry.value()) ? null : text(problems, map, path, name);
    }

    private List<String> textList(Problems problems, Mapping map, String path, String name) {
        Entry entry = map.entries().get(name);
        if (entry == null || isNull(entry.value())) {
            return List.of();
        }
        if (!(entry.value() instanceof Sequence seq)) {
            problems.add(entry.value().line(), join(path, name), "expected a list, e.g. [first, second] or lines starting with '- '");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (item instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
                out.add(s.text().strip());
            } else {
                problems.add(item.line(), join(path, name) + "[" + (i + 1) + "]", "expected non-empty text");
            }
        }
        return out;
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof Scalar s && s.isNull();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The allowed name within two edits of a typo, if any. */
    static Optional<String> closest(String typed, Set<String> names) {
        return names.stream()
                .map(n -> Map.entry(n, EditDistance.between(typed.toLowerCase(Locale.ROOT), n)))
                .filter(e -> e.getValue() <= 2 || e.getKey().startsWith(typed.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Collects problems for one file, in line order when reported. */
    private static final class Problems {
        private final String file;
        private final List<BankProblem> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(int line, String field, String message) {
            list.add(new BankProblem(file, line, field, message));
        }

        int count() {
            return list.size();
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        Result result(Bank bank) {
            List<BankProblem> sorted = list.stream().sorted(Comparator.comparingInt(BankProblem::line)).toList();
            return new Result(Optional.ofNullable(bank), sorted);
        }
    }
}
