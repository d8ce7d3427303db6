package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step that stamps the commit (src/build/java/GitCommit.java), on repositories laid out
 * by hand the way git lays them out: no git is run.
 */
class GitCommitStepTest {

    private static final String ID = "1a2b3c4d5e6f708192a3b4c5d6e7f80912345678";
    private static final String OTHER = "ffffffffffffffffffffffffffffffffffffffff";

    @TempDir
    static Path compiled;

    @TempDir
    Path dir;

    private static Method main;

    @BeforeAll
    static void compile() throws Exception {
        Path source = Path.of("src", "build", "java", "GitCommit.java");
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", compiled.toString(), source.toString());
        assertThat(code).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {compiled.toUri().toURL()}, null);
        main = loader.loadClass("GitCommit").getMethod("main", String[].class);
    }

    /** Runs the step on {@code project} and returns what it stamped. */
    private String stamp(Path project) throws Exception {
        Path out = dir.resolve("out").resolve("git-commit.properties");
        main.invoke(null, (Object) new String[] {project.toString(), out.toString()});
        return Files.readString(out).strip();
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aBranchWithALooseRefFromASubfolder() throws Exception {
        write(dir.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
        write(dir.resolve("repo/.git/refs/heads/main"), ID + "\n");
        Files.createDirectories(dir.resolve("repo/app"));
        assertThat(stamp(dir.resolve("repo/app"))).isEqualTo("git.commit.abbrev=1a2b3c4");
    }

    @Test
    void aBranchOnlyInPackedRefs() throws Exception {
        write(dir.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
        write(dir.resolve("repo/.git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
                + OTHER + " refs/heads/mainline\n" + ID + " refs/heads/main\n^" + OTHER + "\n");
        assertThat(stamp(dir.resolve("repo"))).isEqualTo("git.commit.abbrev=1a2b3c4");
    }

    @Test
    void aDetachedHead() throws Exception {
        write(dir.resolve("repo/.git/HEAD"), ID + "\n");
        assertThat(stamp(dir.resolve("repo"))).isEqualTo("git.commit.abbrev=1a2b3c4");
    }

    @Test
    void aLinkedWorktreeReadsItsOwnHeadNotTheMainCheckouts() throws Exception {
        write(dir.resolve("main/.git/HEAD"), "ref: refs/heads/main\n");
        write(dir.resolve("main/.git/refs/heads/main"), OTHER + "\n");
        write(dir.resolve("main/.git/refs/heads/ops"), ID + "\n");
        write(dir.resolve("main/.git/worktrees/ops/HEAD"), "ref: refs/heads/ops\n");
        write(dir.resolve("main/.git/worktrees/ops/commondir"), "../..\n");
        write(dir.resolve("wt-ops/.git"), "gitdir: " + dir.resolve("main/.git/worktrees/ops") + "\n");
        assertThat(stamp(dir.resolve("wt-ops"))).isEqualTo("git.commit.abbrev=1a2b3c4");
    }

    @Test
    void noRepositoryOrAnUnbornBranchSaysUnknown() throws Exception {
        Files.createDirectories(dir.resolve("tarball/app"));
        assertThat(stamp(dir.resolve("tarball/app"))).isEqualTo("git.commit.abbrev=unknown");
        write(dir.resolve("fresh/.git/HEAD"), "ref: refs/heads/main\n");
        assertThat(stamp(dir.resolve("fresh"))).isEqualTo("git.commit.abbrev=unknown");
        write(dir.resolve("broken/.git"), "not a gitdir line\n");
        assertThat(stamp(dir.resolve("broken"))).isEqualTo("git.commit.abbrev=unknown");
    }
}
