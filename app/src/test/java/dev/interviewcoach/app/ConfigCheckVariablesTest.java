package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The COACH_ variables coach config check names as ones the coach does not read. */
class ConfigCheckVariablesTest {

    @Test
    void aMisspeltSettingIsNamedWithTheOneItMeantButKubernetesServiceVariablesAreNot() {
        assertThat(ConfigCheckCommand.unknownVariables(Map.of(
                "COACH_INTERVIEW_DEFAULTQUESTIONS", "3",
                "COACH_INTERVIEW_DEFAULT_QUESTIONS", "3",
                "COACH_SECRET_KEY_FILE", "/run/secrets/key",
                "COACH_SERVICE_HOST", "10.0.0.7", "COACH_SERVICE_PORT", "3000", "COACH_PORT", "tcp://10.0.0.7:3000",
                "COACH_PORT_3000_TCP_ADDR", "10.0.0.7",
                "PATH", "/usr/bin")))
                .singleElement().asString().startsWith("environment variable COACH_INTERVIEW_DEFAULTQUESTIONS is not one"
                        + " the coach reads (did you mean COACH_INTERVIEW_DEFAULT_QUESTIONS?)");
    }
}
