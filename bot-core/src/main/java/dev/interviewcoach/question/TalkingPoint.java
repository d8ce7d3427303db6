package dev.interviewcoach.question;

import java.util.List;

/** One thing a strong answer says, and the words and phrases that show a person said it. */
public record TalkingPoint(String id, String point, List<String> shownBy) {
    public TalkingPoint {
        shownBy = List.copyOf(shownBy);
    }
}
