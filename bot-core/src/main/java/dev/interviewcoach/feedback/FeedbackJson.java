package dev.interviewcoach.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.util.Locale;

/** Feedback as JSON, with a fixed field order, so the same answer gives byte-identical output. */
public final class FeedbackJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(Question question, Feedback f) {
        return write(tree(question, f));
    }

    /** Writes a tree made by {@link #tree}, perhaps with more added, in the same indented form. */
    public String write(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feedback is always serialisable", e);
        }
    }

    /** The feedback as a JSON tree, in the fixed field order. */
    public ObjectNode tree(Question question, Feedback f) {
        ObjectNode root = mapper.createObjectNode();
        root.put("track", question.track());
        root.put("question", question.id());
        root.put("score", f.score());
        root.put("reason", f.scoreReason());
        root.put("offTopic", f.offTopic());
        ArrayNode covered = root.putArray("covered");
        for (TalkingPointMatcher.Match m : f.covered()) {
            covered.addObject().put("id", m.point().id()).put("point", m.point().point()).put("evidence", m.evidence())
                    .put("inContext", m.inContext()).put("ownWords", m.ownWords());
        }
        ArrayNode missed = root.putArray("missed");
        for (TalkingPoint p : f.missed()) {
            missed.addObject().put("id", p.id()).put("point", p.point());
        }
        ArrayNode wrong = root.putArray("wrongClaims");
        for (Feedback.WrongClaim w : f.wrongClaims()) {
            wrong.addObject().put("said", w.evidence()).put("claim", w.claim()).put("correction", w.correction());
        }
        f.strengths().forEach(root.putArray("strengths")::add);
        f.improvements().forEach(root.putArray("improvements")::add);
        ObjectNode signals = root.putObject("signals");
        Feedback.Signals s = f.signals();
        signals.put("coverage", round(s.coverage()));
        signals.putObject("relevance")
                .put("share", round(s.relevance().share()))
                .put("bestOtherShare", round(s.relevance().bestOtherShare()))
                .put("bestOtherQuestion", s.relevance().bestOtherId())
                .put("offTopic", s.relevance().offTopic());
        ObjectNode structure = signals.putObject("structure");
        structure.put("share", round(s.structure().share()));
        s.structure().present().forEach(structure.putArray("present")::add);
        s.structure().missing().forEach(structure.putArray("missing")::add);
        ObjectNode specificity = signals.putObject("specificity");
        specificity.put("level", round(s.specificity().level()));
        specificity.put("numbers", s.specificity().numbers());
        s.specificity().namedTools().forEach(specificity.putArray("namedTools")::add);
        specificity.put("realCase", s.specificity().realCase());
        ObjectNode meaning = signals.putObject("meaning");
        meaning.put("read", s.meaning().read());
        if (s.meaning().read()) {
            s.meaning().pointCloseness().forEach(c -> meaning.withArray("pointCloseness").add(round(c)));
            meaning.put("claimCloseness", round(s.meaning().claimCloseness()));
            meaning.put("claimMargin", round(s.meaning().claimMargin()));
        }
        ObjectNode form = signals.putObject("form");
        form.put("keywordList", s.form().keywordList());
        form.put("otherLanguage", s.form().otherLanguage());
        form.put("codeOnly", s.form().codeOnly());
        form.put("copiesQuestion", s.form().copiesQuestion());
        form.put("repeatedShare", round(s.form().repeatedShare()));
        s.form().repeated().forEach(form.putArray("repeated")::add);
        form.put("namesTopics", s.form().mostlyNamesTopics());
        s.form().namedOnly().forEach(form.putArray("namedOnly")::add);
        ObjectNode delivery = signals.putObject("delivery");
        delivery.put("words", s.delivery().words());
        delivery.put("length", s.delivery().length().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        s.delivery().hedges().forEach(delivery.putArray("hedges")::add);
        s.delivery().fillers().forEach(delivery.putArray("fillers")::add);
        s.delivery().absolutes().forEach(delivery.putArray("absolutes")::add);
        s.delivery().overused().forEach(delivery.putArray("overused")::add);
        ObjectNode inputs = signals.putObject("inputs");
        double[] values = s.inputs().values();
        for (int i = 0; i < values.length; i++) {
            inputs.put(ScoreInputs.NAMES.get(i), round(values[i]));
        }
        return root;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
