package dev.interviewcoach.question;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a strong answer says, the words and phrases that show a person said it, what an
 * interviewer asks when an answer missed it (empty when the bank gives nothing), whole
 * sentences that say the point in other words (read by meaning, so a person who makes the point
 * in plain words is heard), and sentences that say it in everyday words, without the jargon, which
 * count only where an answer says the point that way.
 */
public record TalkingPoint(String id, String point, List<String> shownBy, Optional<String> followUp,
                           List<String> inOtherWords, List<String> inEverydayWords) {
    public TalkingPoint {
        shownBy = List.copyOf(shownBy);
        Objects.requireNonNull(followUp);
        inOtherWords = List.copyOf(inOtherWords);
        inEverydayWords = List.copyOf(inEverydayWords);
    }

    /** A point with other wordings and no everyday ones. */
    public TalkingPoint(String id, String point, List<String> shownBy, Optional<String> followUp,
                        List<String> inOtherWords) {
        this(id, point, shownBy, followUp, inOtherWords, List.of());
    }

    /** A point with a follow-up and no other wordings. */
    public TalkingPoint(String id, String point, List<String> shownBy, Optional<String> followUp) {
        this(id, point, shownBy, followUp, List.of());
    }

    /** A point with no follow-up question of its own. */
    public TalkingPoint(String id, String point, List<String> shownBy) {
        this(id, point, shownBy, Optional.empty());
    }
}
