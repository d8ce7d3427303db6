package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stop closes everything coach run opened, newest first, even when one of them fails to close. */
class PlatformsCloseTest {

    @Test
    void oneThatFailsToCloseDoesNotKeepTheOthersOpen() {
        List<String> closed = new ArrayList<>();
        RunCommand.Platforms platforms = new RunCommand.Platforms();
        platforms.add(() -> closed.add("database"));
        platforms.add(() -> {
            throw new IllegalStateException("the Slack socket would not close");
        });
        platforms.add(() -> closed.add("sending threads"));

        assertThatThrownBy(platforms::close).hasMessage("the Slack socket would not close");
        assertThat(closed).containsExactly("sending threads", "database");
    }
}
