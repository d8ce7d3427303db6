package dev.interviewcoach.question;

import java.util.List;

/**
 * A wrong claim candidates commonly make on a question: the claim itself, the phrases that give it
 * away, and the correction the coach gives when an answer asserts it. A track-wide one (a red flag in
 * any story of a behavioral track, say) is listed once in the bank, spotted by its phrases alone.
 */
public record Misconception(String claim, List<String> spottedBy, String correction, boolean trackWide) {
    public Misconception {
        spottedBy = List.copyOf(spottedBy);
    }

    /** A misconception of one question. */
    public Misconception(String claim, List<String> spottedBy, String correction) {
        this(claim, spottedBy, correction, false);
    }
}
