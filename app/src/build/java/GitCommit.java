import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Build step, not part of the jar: finds the commit being built and writes
 * {@code git.commit.abbrev=<7 hex digits>} (or {@code unknown}) to a properties file that the
 * resource filter reads for {@code coach --version}.
 *
 * <p>It reads the repository's files instead of running git or JGit: a Docker build image has no
 * git, a source tarball has no repository, and JGit-based plugins read the main checkout's HEAD
 * in a linked worktree. Handles a {@code .git} folder, a {@code .git} file (worktrees,
 * submodules), symbolic and detached HEAD, loose and packed refs. It never fails the build.
 *
 * <p>Run as a single-file program: {@code java GitCommit.java <project dir> <output file>}.
 */
public final class GitCommit {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    public static void main(String[] args) throws IOException {
        String commit;
        try {
            commit = commitOf(Path.of(args[0]).toAbsolutePath().normalize()).map(id -> id.substring(0, 7))
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            commit = "unknown"; // a half-written or odd repository must not stop a release build
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "git.commit.abbrev=" + commit + "\n", StandardCharsets.UTF_8);
    }

    /** The full id of the commit checked out at or above {@code dir}, if it is in a git checkout. */
    static Optional<String> commitOf(Path dir) throws IOException {
        for (Path at = dir; at != null; at = at.getParent()) {
            Path dotGit = at.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return resolve(dotGit, dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                // A linked worktree or a submodule: ".git" names the real git folder; a worktree's
                // folder keeps its own HEAD and names the shared one (refs, packed-refs) in "commondir".
                String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                if (!line.startsWith("gitdir:")) {
                    return Optional.empty();
                }
                Path gitDir = at.resolve(line.substring("gitdir:".length()).strip()).normalize();
                Path common = gitDir;
                Path commonFile = gitDir.resolve("commondir");
                if (Files.isRegularFile(commonFile)) {
                    common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).strip()).normalize();
                }
                return resolve(gitDir, common);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> resolve(Path gitDir, Path common) throws IOException {
        Path headFile = gitDir.resolve("HEAD");
        if (!Files.isRegularFile(headFile)) {
            return Optional.empty();
        }
        String value = Files.readString(headFile, StandardCharsets.UTF_8).strip();
        // Follow symbolic refs (HEAD -> refs/heads/main), a few steps at most.
        for (int step = 0; step < 5 && value.startsWith("ref:"); step++) {
            String ref = value.substring("ref:".length()).strip();
            Optional<String> next = loose(gitDir, ref).or(() -> loose(common, ref)).or(() -> packed(common, ref));
            if (next.isEmpty()) {
                return Optional.empty(); // a branch with no commit yet
            }
            value = next.get();
        }
        return OBJECT_ID.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    private static Optional<String> loose(Path dir, String ref) {
        Path file = dir.resolve(ref);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> packed(Path common, String ref) {
        Path file = common.resolve("packed-refs");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            // Lines are "<id> <ref>"; '#' starts the header and '^' a peeled tag, neither a ref.
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("^"))
                    .map(l -> l.split(" ", 2))
                    .filter(parts -> parts.length == 2 && parts[1].strip().equals(ref))
                    .map(parts -> parts[0])
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
