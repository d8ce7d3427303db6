package dev.interviewcoach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's feature packages depend on each other one way only: a cycle means two features can
 * no longer be understood, tested or moved apart. Read from the sources (imports and qualified names).
 */
class PackageGraphTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/interviewcoach");
    private static final Pattern USE = Pattern.compile("dev\\.interviewcoach\\.([a-z]+)\\.[A-Za-z]");

    @Test
    void theCorePackagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file).getName(0).toString();
                Matcher m = USE.matcher(Files.readString(file));
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        assertThat(uses).as("the core's packages were read").containsKeys("engine", "interview", "daily", "feedback");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, uses, new ArrayDeque<>(List.of(start))).ifPresent(cycles::add);
        }
        assertThat(cycles).as("package cycles, as paths").isEmpty();
    }

    private static java.util.Optional<String> findCycle(String start, Map<String, Set<String>> uses, Deque<String> path) {
        for (String next : uses.getOrDefault(path.peekLast(), Set.of())) {
            if (next.equals(start)) {
                return java.util.Optional.of(String.join(" -> ", path) + " -> " + start);
            }
            if (!path.contains(next)) {
                path.addLast(next);
                var found = findCycle(start, uses, path);
                path.removeLast();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }
}
