package dev.interviewcoach.question.importing;

import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts a question bank from documents people already have: Markdown notes, text copied from
 * interview-prep pages, spreadsheets saved as CSV. Question, answer and whatever else the document
 * gives are kept; kinds are guessed when not given; talking points are drafted from the answer and
 * everything drafted is marked DRAFT for a person to review.
 */
public final class BankImporter {

    private static final int DEFAULT_DIFFICULTY = 2;
    private static final int QUOTED_QUESTION_LENGTH = 60;
    private static final String DRAFT_WHY =
            "DRAFT: say why interviewers ask this question and what they learn from the answer.";

    private final TalkingPointDrafter drafter = new TalkingPointDrafter();

    /**
     * Reads {@code text} as {@code format} into questions for {@code track}; {@code source} names the
     * document in the bank's comment and description.
     *
     * @throws IllegalArgumentException when {@code track} is not a track id
     */
    public ImportResult importText(String text, ImportFormat format, String track, String source) {
        if (!QuestionIds.ID.matcher(track).matches()) {
            throw new IllegalArgumentException("'" + track
                    + "' is not a track id: use lowercase letters, digits and dashes, e.g. python-developer");
        }
        List<ImportProblem> problems = new ArrayList<>();
        QuestionReader reader = switch (format) {
            case MD -> new DocumentReader(true);
            case TEXT -> new DocumentReader(false);
            case CSV -> new CsvQuestionReader();
        };
        List<FoundQuestion> found = reader.read(text, problems);
        QuestionIds ids = new QuestionIds();
        // Ids the document gives are claimed first, so a drafted slug never takes one of them.
        List<String> givenIds = claimGivenIds(found, ids, problems);
        Map<String, Integer> seen = new HashMap<>();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            FoundQuestion f = found.get(i);
            if (f.answer().isBlank()) {
                problems.add(new ImportProblem(f.line(), quoted(f.question()) + " has no answer, skipped"));
                continue;
            }
            Integer first = seen.putIfAbsent(f.question().toLowerCase(Locale.ROOT), f.line());
            if (first != null) {
                problems.add(new ImportProblem(f.line(), quoted(f.question()) + " repeats the question on line "
                        + first + ", skipped"));
                continue;
            }
            String id = givenIds.get(i) != null ? givenIds.get(i) : ids.forQuestion(f.question());
            questions.add(question(f, id, track, problems));
        }
        if (found.isEmpty()) {
            problems.add(new ImportProblem(0, "no questions found; " + switch (format) {
                case MD -> "write each question as a heading (## What is X?) or a numbered item (1. What is X?)"
                        + " with its answer below, or as **Q:** ... **A:** ...";
                case TEXT -> "write Q: and A: lines, or each question on a line of its own with its answer below"
                        + " (or after 'Sample answer:')";
                case CSV -> "the file needs a header row with question and answer columns, and a row per question";
            }));
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return new ImportResult(track, title(track), source, questions, problems);
    }

    private static List<String> claimGivenIds(List<FoundQuestion> found, QuestionIds ids, List<ImportProblem> problems) {
        List<String> given = new ArrayList<>();
        for (FoundQuestion f : found) {
            String id = f.id();
            boolean usable = !id.isEmpty() && !f.answer().isBlank();
            if (usable && !ids.claim(id)) {
                problems.add(new ImportProblem(f.line(), "id '" + id + "' is not a valid, unused id (lowercase "
                        + "letters, digits and dashes); made one from the question instead"));
                usable = false;
            }
            given.add(usable ? id : null);
        }
        return given;
    }

    private Question question(FoundQuestion f, String id, String track, List<ImportProblem> problems) {
        QuestionKind kind = KindGuesser.guess(f.question());
        if (!f.kind().isEmpty()) {
            Optional<QuestionKind> named = KindGuesser.named(f.kind());
            if (named.isPresent()) {
                kind = named.get();
            } else {
                problems.add(new ImportProblem(f.line(), "kind '" + f.kind() + "' is not technical, behavioral, "
                        + "situational or motivation; guessed " + kind.word()));
            }
        }
        int difficulty = DEFAULT_DIFFICULTY;
        if (!f.difficulty().isEmpty()) {
            Optional<Integer> given = difficulty(f.difficulty());
            if (given.isPresent()) {
                difficulty = given.get();
            } else {
                problems.add(new ImportProblem(f.line(), "difficulty '" + f.difficulty()
                        + "' is not 1, 2 or 3 (or easy, medium, hard); used " + DEFAULT_DIFFICULTY));
            }
        }
        List<String> topics = f.topics().stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"))
                .filter(t -> !t.isEmpty()).distinct().toList();
        String why = f.why().isBlank() ? DRAFT_WHY : f.why();
        String guidance = f.guidance().isBlank() ? draftGuidance(kind) : f.guidance();
        return new Question(id, track, kind, difficulty, topics, f.question(), why, guidance,
                drafter.draft(f.answer()), f.answer(), f.hints(), f.followUps());
    }

    private static Optional<Integer> difficulty(String word) {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "1", "easy", "warm-up", "warmup", "junior", "beginner", "basic" -> Optional.of(1);
            case "2", "medium", "intermediate", "mid", "core" -> Optional.of(2);
            case "3", "hard", "senior", "advanced", "difficult" -> Optional.of(3);
            default -> Optional.empty();
        };
    }

    private static String draftGuidance(QuestionKind kind) {
        String shape = switch (kind) {
            case BEHAVIORAL -> "one specific situation, what you personally did, and a measurable result (STAR)";
            case SITUATIONAL -> "questions to clarify the situation, the steps you would take and why, and how "
                    + "you would check the outcome";
            case MOTIVATION -> "specific reasons tied to this company and role, linked to your experience and goals";
            case TECHNICAL -> "a clear definition, how it works, a concrete example and the trade-offs";
        };
        return "DRAFT: describe the shape of a strong answer, for example " + shape + ".";
    }

    /** "python-developer" reads "Python developer". */
    static String title(String track) {
        String words = track.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String quoted(String question) {
        String q = question.length() <= QUOTED_QUESTION_LENGTH ? question
                : question.substring(0, QUOTED_QUESTION_LENGTH - 3).strip() + "...";
        return "\"" + q + "\"";
    }
}
