package dev.interviewcoach.feedback.reviewer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.feedback.FeedbackJson;
import dev.interviewcoach.question.Question;

/**
 * Reviewed feedback as JSON: the engine's own feedback as {@link FeedbackJson} writes it (its
 * {@code score} is what the person is told, {@code engineScore} the engine's alone), and the
 * reviewer's findings apart under {@code reviewer}, with the model and a status (answered,
 * timed-out, failed or off).
 */
public final class ReviewJson {

    private final FeedbackJson json = new FeedbackJson();

    public String write(Question question, ReviewedFeedback reviewed) {
        ObjectNode root = json.tree(question, reviewed.engine());
        ObjectNode ordered = root.objectNode();
        root.fieldNames().forEachRemaining(name -> {
            if (name.equals("score")) {
                ordered.put("score", reviewed.result().score());
                ordered.put("engineScore", reviewed.engine().score());
            } else if (name.equals("reason")) {
                ordered.put("reason", reviewed.result().scoreReason());
            } else {
                ordered.set(name, root.get(name));
            }
        });
        ObjectNode r = ordered.putObject("reviewer");
        r.put("status", reviewed.outcome().status());
        switch (reviewed.outcome()) {
            case ReviewOutcome.Off off -> {
            }
            case ReviewOutcome.TimedOut t -> r.put("model", t.model()).put("afterMs", t.after().toMillis());
            case ReviewOutcome.Failed f -> r.put("model", f.model()).put("reason", f.reason());
            case ReviewOutcome.Answered a -> {
                r.put("model", a.model());
                r.put("cached", a.cached());
                r.put("moved", reviewed.moved());
                reviewed.finding().ifPresent(f -> r.put("finding", f));
                ArrayNode points = r.putArray("points");
                for (ModelReview.PointFinding p : a.review().points()) {
                    points.addObject().put("id", p.point().id()).put("verdict", p.verdict().word())
                            .put("evidence", p.evidence()).put("quoteDropped", p.quoteDropped());
                }
                ArrayNode wrong = r.putArray("wrongClaims");
                a.review().wrongClaims().forEach(c -> wrong.addObject().put("said", c.said()).put("correction", c.correction()));
                r.put("followUp", a.review().followUp());
                a.review().tips().forEach(r.putArray("tips")::add);
                r.put("droppedQuotes", a.review().droppedQuotes());
                r.putObject("tokens").put("prompt", a.promptTokens()).put("completion", a.completionTokens());
                r.put("tookMs", a.took().toMillis());
            }
        }
        return json.write(ordered);
    }
}
