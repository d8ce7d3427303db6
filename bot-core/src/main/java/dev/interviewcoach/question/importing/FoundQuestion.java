package dev.interviewcoach.question.importing;

import java.util.List;

/**
 * A question as a document gave it, before ids, kinds and talking points are decided. Text
 * fields are empty when the document did not have them; {@code line} is where the question starts.
 */
record FoundQuestion(
        int line,
        String id,
        String question,
        String answer,
        String why,
        String guidance,
        String kind,
        String difficulty,
        List<String> topics,
        List<String> hints,
        List<String> followUps) {

    FoundQuestion {
        topics = List.copyOf(topics);
        hints = List.copyOf(hints);
        followUps = List.copyOf(followUps);
    }
}
