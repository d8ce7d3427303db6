package dev.interviewcoach.question;

import java.util.List;

/** An interview question with everything needed to ask it, hint at it and judge an answer. */
public record Question(
        String id,
        String track,
        QuestionKind kind,
        int difficulty,
        List<String> topics,
        String text,
        String why,
        String guidance,
        List<TalkingPoint> talkingPoints,
        String exampleAnswer,
        List<String> hints,
        List<String> followUps,
        List<Misconception> misconceptions) {

    public Question {
        misconceptions = List.copyOf(misconceptions);
        topics = List.copyOf(topics);
        talkingPoints = List.copyOf(talkingPoints);
        hints = List.copyOf(hints);
        followUps = List.copyOf(followUps);
    }

    /** The misconceptions of this question alone, without those its track lists for every question. */
    public List<Misconception> ownMisconceptions() {
        return misconceptions.stream().filter(m -> !m.trackWide()).toList();
    }

    /** A question without misconceptions (imported drafts, placeholders). */
    public Question(String id, String track, QuestionKind kind, int difficulty, List<String> topics, String text,
                    String why, String guidance, List<TalkingPoint> talkingPoints, String exampleAnswer,
                    List<String> hints, List<String> followUps) {
        this(id, track, kind, difficulty, topics, text, why, guidance, talkingPoints, exampleAnswer, hints, followUps,
                List.of());
    }
}
