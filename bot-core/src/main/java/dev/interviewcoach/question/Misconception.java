package dev.interviewcoach.question;

import java.util.List;

/**
 * A wrong claim candidates commonly make on a question: the claim itself, the phrases that give it
 * away, and the correction the coach gives when an answer asserts it.
 */
public record Misconception(String claim, List<String> spottedBy, String correction) {
    public Misconception {
        spottedBy = List.copyOf(spottedBy);
    }
}
