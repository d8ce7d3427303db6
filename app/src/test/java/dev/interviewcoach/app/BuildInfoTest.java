package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The version line, from a build in a git checkout and from one without. */
class BuildInfoTest {

    private static Properties stamped(String version, String commit) {
        Properties props = new Properties();
        props.setProperty("version", version);
        props.setProperty("commit", commit);
        return props;
    }

    @Test
    void namesTheVersionAndTheCommit() {
        assertThat(BuildInfo.from(stamped("0.1.0", "1a2b3c4")).line()).isEqualTo("Interview Coach 0.1.0 (commit 1a2b3c4)");
    }

    @Test
    void aBuildWithoutGitSaysCommitUnknown() {
        // Maven leaves an expression it could not resolve as it was.
        assertThat(BuildInfo.from(stamped("0.1.0", "${git.commit.id.abbrev}")).line())
                .isEqualTo("Interview Coach 0.1.0 (commit unknown)");
        assertThat(BuildInfo.from(new Properties()).line()).isEqualTo("Interview Coach unknown (commit unknown)");
    }

    @Test
    void aBuildInAGitCheckoutStampsItsCommit() {
        // Tests run from the app module; a source tarball has no .git and rightly says "unknown".
        assumeTrue(Files.exists(Path.of("..", ".git")), "not built in a git checkout");
        BuildInfo built = BuildInfo.current();
        assertThat(built.version()).isNotEqualTo("unknown");
        assertThat(built.commit()).hasValueSatisfying(c -> assertThat(c).matches("[0-9a-f]{7,40}"));
    }
}
