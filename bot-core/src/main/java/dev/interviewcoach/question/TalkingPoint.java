package dev.interviewcoach.question;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a strong answer says, the words and phrases that show a person said it, and what an
 * interviewer asks when an answer missed it (empty when the bank gives nothing).
 */
public record TalkingPoint(String id, String point, List<String> shownBy, Optional<String> followUp) {
    public TalkingPoint {
        shownBy = List.copyOf(shownBy);
        Objects.requireNonNull(followUp);
    }

    /** A point with no follow-up question of its own. */
    public TalkingPoint(String id, String point, List<String> shownBy) {
        this(id, point, shownBy, Optional.empty());
    }
}
