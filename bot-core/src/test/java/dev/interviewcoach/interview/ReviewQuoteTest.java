package dev.interviewcoach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How review quotes an answer: whole as long as a spoken answer, a pasted essay cut with how much more there was. */
class ReviewQuoteTest {

    @Test
    void aSpokenLengthAnswerIsQuotedWholeAndAnEssayIsCutAtAWordWithTheRestCounted() {
        String spoken = "I would measure first. ".repeat(40);
        assertThat(InterviewReplies.quoted(spoken)).isEqualTo(spoken);

        String essay = "word ".repeat(20_000);
        String quoted = InterviewReplies.quoted(essay);
        assertThat(quoted).startsWith("word word").endsWith(" more characters)").contains(" ... (");
        assertThat(quoted.length()).isLessThan(InterviewReplies.REVIEW_QUOTE_CHARS + 40);
        String kept = quoted.substring(0, quoted.indexOf(" ... ("));
        assertThat(kept).endsWith("word");
        assertThat(quoted).contains("(" + String.format(java.util.Locale.ROOT, "%,d", essay.length() - kept.length())
                + " more characters)");
    }
}
