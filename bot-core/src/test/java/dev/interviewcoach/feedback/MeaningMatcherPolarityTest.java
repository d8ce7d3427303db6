package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which way a piece of an answer leans before it is compared in meaning: a denial is never support for a point. */
class MeaningMatcherPolarityTest {

    @Test
    void aNotThatSetsOneThingAgainstAnotherAssertsTheFirst() {
        // "buying gets us SSO in weeks not a quarter" had been read as denying that speed to market weighs on the choice
        assertThat(MeaningMatcher.polarity("buying gets us SSO in weeks not a quarter")).isEqualTo(MeaningMatcher.Polarity.ASSERTS);
        assertThat(MeaningMatcher.polarity("I'd use a set and not a list here")).isEqualTo(MeaningMatcher.Polarity.ASSERTS);
        assertThat(MeaningMatcher.polarity("it pays off in weeks not months")).isEqualTo(MeaningMatcher.Polarity.ASSERTS);
    }

    @Test
    void aNotThatDeniesAnActionOrFollowsAVerbStillDenies() {
        assertThat(MeaningMatcher.polarity("I would not use an index for this")).isEqualTo(MeaningMatcher.Polarity.DENIES);
        assertThat(MeaningMatcher.polarity("it's really not a problem")).isEqualTo(MeaningMatcher.Polarity.DENIES);
        assertThat(MeaningMatcher.polarity("I'd fill the gaps with the average and not flag anything"))
                .isEqualTo(MeaningMatcher.Polarity.DENIES);
        assertThat(MeaningMatcher.polarity("Not every query needs an index")).isEqualTo(MeaningMatcher.Polarity.DENIES);
        assertThat(MeaningMatcher.polarity("we chose not to retry")).isEqualTo(MeaningMatcher.Polarity.DENIES);
    }

    @Test
    void aSecondClauseOpenedByAndThatKeepsItsOwnNegation() {
        // the row counts' "aren't way off" had made the whole sentence deny that data arrived on time
        assertThat(MeaningMatcher.polarity("i'd check that the data showed up on time and that row counts aren't way off"
                + " from the usual")).isEqualTo(MeaningMatcher.Polarity.MIXED);
    }
}
