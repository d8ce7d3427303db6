package dev.interviewcoach.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What was built: the version and the git commit stamped into {@code coach-version.properties}
 * by the build. A build outside a git checkout leaves the commit unset, and says so.
 */
public record BuildInfo(String version, Optional<String> commit) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{4,40}");

    /** The build info of the running jar (or of target/classes when run from the build). */
    public static BuildInfo current() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/coach-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read coach-version.properties", e);
        }
        return from(props);
    }

    /** Reads the stamped values; an unfiltered placeholder such as {@code ${git.commit.abbrev}} counts as unset. */
    static BuildInfo from(Properties props) {
        String version = props.getProperty("version", "").strip();
        String commit = props.getProperty("commit", "").strip();
        return new BuildInfo(version.isEmpty() || version.contains("${") ? "unknown" : version,
                Optional.of(commit).filter(c -> COMMIT.matcher(c).matches()));
    }

    /** For example {@code Interview Coach 0.1.0 (commit 1a2b3c4)}. */
    public String line() {
        return "Interview Coach " + version + " (commit " + commit.orElse("unknown") + ")";
    }
}
