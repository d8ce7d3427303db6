package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of a track's topics a topic as typed means. */
class TopicNamesTest {

    private static final Bank SQL = QuestionBanks.load(new BankReader(), Optional.empty()).track("sql-and-data").orElseThrow();

    @Test
    void anotherEndingATypoOrTheStartOfATopicMeansIt() {
        assertThat(TopicNames.meant(SQL, "indexes")).isEqualTo("indexes");
        assertThat(TopicNames.meant(SQL, "indexing")).isEqualTo("indexes");
        assertThat(TopicNames.meant(SQL, "index")).isEqualTo("indexes");
        assertThat(TopicNames.meant(SQL, "partitions")).isEqualTo("partitioning");
        assertThat(TopicNames.meant(SQL, "transactons")).isEqualTo("transactions");
        // nothing near: the typed word stays, and finds no question
        assertThat(TopicNames.near(SQL, "kubernetes")).isEmpty();
        assertThat(TopicNames.meant(SQL, "sql")).isEqualTo("sql");
    }
}
