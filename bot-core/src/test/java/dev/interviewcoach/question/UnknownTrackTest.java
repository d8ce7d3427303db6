package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownTrackTest {

    private static final List<String> TRACKS = List.of("behavioral", "java-backend", "python-developer", "sql-and-data",
            "system-design");

    @Test
    void aTypoOfATrackOrOfItsFirstWordOrItsStartNamesIt() {
        assertThat(UnknownTrack.nearest(TRACKS, "pyhton")).hasValue("python-developer");
        assertThat(UnknownTrack.nearest(TRACKS, "Python")).hasValue("python-developer");
        assertThat(UnknownTrack.nearest(TRACKS, "behavioural")).hasValue("behavioral");
        assertThat(UnknownTrack.nearest(TRACKS, "sys")).hasValue("system-design");
        assertThat(UnknownTrack.nearest(TRACKS, "jav")).hasValue("java-backend");
        assertThat(UnknownTrack.nearest(TRACKS, "python-developer-abc")).hasValue("python-developer");
    }

    @Test
    void nothingNearNamesNothing() {
        assertThat(UnknownTrack.nearest(TRACKS, "cooking")).isEmpty();
        assertThat(UnknownTrack.nearest(TRACKS, "go")).isEmpty();
        assertThat(UnknownTrack.nearest(TRACKS, "")).isEmpty();
    }
}
