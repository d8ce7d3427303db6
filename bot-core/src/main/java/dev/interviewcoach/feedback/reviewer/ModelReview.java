package dev.interviewcoach.feedback.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the reviewer said about one answer, checked: verdicts on known talking points only, and
 * every quote kept only if the candidate really wrote it (whitespace and case aside). A verdict
 * whose quote was dropped stands without evidence and moves no score.
 */
public record ModelReview(List<PointFinding> points, List<ClaimFinding> wrongClaims, String followUp,
                          List<String> tips, int droppedQuotes) {

    /** The reviewer's verdict on a talking point. */
    public enum Verdict {
        MADE, PARTLY, MISSED, CONTRADICTED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A verdict on one talking point; {@code evidence} is empty when none was given or it was not the candidate's. */
    public record PointFinding(TalkingPoint point, Verdict verdict, String evidence, boolean quoteDropped) {
        /** Whether the verdict rests on the candidate's own words. */
        public boolean supported() {
            return !evidence.isEmpty();
        }
    }

    /** A wrong claim the candidate made, in their own words, with the correction. */
    public record ClaimFinding(String said, String correction) {}

    public ModelReview {
        points = List.copyOf(points);
        wrongClaims = List.copyOf(wrongClaims);
        tips = List.copyOf(tips);
    }

    /** Thrown when the reply is not the JSON the schema asks for. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** Reads and checks a reply against the question and the answer it was about. */
    static ModelReview read(ObjectMapper mapper, String content, Question question, String answer) throws Malformed {
        JsonNode root;
        try {
            root = mapper.readTree(unfence(content));
        } catch (IOException e) {
            throw new Malformed("the reply is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("the reply is not a JSON object");
        }
        if (!root.path("points").isArray()) {
            throw new Malformed("the reply has no list of points");
        }
        String said = normalise(answer);
        int dropped = 0;
        Map<String, PointFinding> byId = new LinkedHashMap<>();
        for (JsonNode p : root.path("points")) {
            Optional<TalkingPoint> point = question.talkingPoints().stream()
                    .filter(t -> t.id().equals(p.path("id").asText())).findFirst();
            Optional<Verdict> verdict = verdict(p.path("verdict").asText(""));
            if (point.isEmpty() || verdict.isEmpty() || byId.containsKey(point.get().id())) {
                continue; // a point the question does not have, a verdict outside the four, or a second verdict
            }
            String quote = p.path("evidence").isTextual() ? p.path("evidence").asText().strip() : "";
            boolean kept = verdict.get() != Verdict.MISSED && quoted(quote, said);
            boolean lost = !quote.isEmpty() && verdict.get() != Verdict.MISSED && !kept;
            if (lost) {
                dropped++;
            }
            byId.put(point.get().id(), new PointFinding(point.get(), verdict.get(), kept ? quote : "", lost));
        }
        List<ClaimFinding> claims = new ArrayList<>();
        for (JsonNode c : root.path("wrongClaims")) {
            String quote = c.path("said").asText("").strip();
            String correction = clip(c.path("correction").asText("").strip());
            if (quoted(quote, said) && !correction.isEmpty()) {
                claims.add(new ClaimFinding(quote, correction));
            } else if (!quote.isEmpty()) {
                dropped++;
            }
        }
        List<String> tips = new ArrayList<>();
        for (JsonNode t : root.path("tips")) {
            if (t.isTextual() && !t.asText().isBlank() && tips.size() < 2) {
                tips.add(clip(t.asText().strip()));
            }
        }
        return new ModelReview(List.copyOf(byId.values()), claims, clip(root.path("followUp").asText("").strip()), tips,
                dropped);
    }

    /** The longest tip, correction or follow-up shown: a model that rambles does not flood the feedback. */
    static final int MOST_CHARS = 300;

    private static String clip(String text) {
        return text.length() <= MOST_CHARS ? text : text.substring(0, MOST_CHARS - 3).strip() + "...";
    }

    /** Some servers wrap JSON in a Markdown code fence even when asked not to. */
    private static String unfence(String content) {
        String s = content.strip();
        if (s.startsWith("```")) {
            s = s.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return s;
    }

    private static Optional<Verdict> verdict(String word) {
        for (Verdict v : Verdict.values()) {
            if (v.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a quote is the candidate's own: at least two words, and every piece of it (pieces
     * split where the quote elides with "...") found in the answer, whitespace, case, curly quotes
     * and dashes aside.
     */
    static boolean quoted(String quote, String normalisedAnswer) {
        String q = normalise(quote).replaceAll("^[\"'`\\s]+|[\"'`\\s]+$", "");
        if (q.isEmpty()) {
            return false;
        }
        String[] pieces = q.split("\\s*(?:\\.\\.\\.|\u2026)\\s*");
        int words = 0;
        for (String piece : pieces) {
            String p = piece.strip().replaceAll("[.,;:!?]+$", "");
            if (p.isEmpty()) {
                continue;
            }
            if (!normalisedAnswer.contains(p)) {
                return false;
            }
            words += p.split(" ").length;
        }
        return words >= 2;
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\u2018\u2019\u201B]", "'").replaceAll("[\u201C\u201D\u201F]", "\"")
                .replaceAll("[\u2013\u2014]", "-").replaceAll("\\s+", " ").strip();
    }
}
