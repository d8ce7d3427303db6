package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages of the coach's main code (core, adapters, app) depend on each other without a cycle, so any
 * of them can be read, tested and changed from the bottom up. Read with the JDK's own jdeps.
 */
class PackageCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.interviewcoach\\S*)\\s+->\\s+(dev\\.interviewcoach\\S*)");

    @Test
    void noPackageOfTheMainCodeDependsOnItselfThroughOthers() {
        List<String> ours = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(PackageCyclesTest::isOurMainCode).toList();
        assertThat(ours).as("the core, both adapters and the app on the class path").hasSizeGreaterThanOrEqualTo(4);

        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none", "-e", "dev\\.interviewcoach.*"));
        args.addAll(ours);
        StringWriter out = new StringWriter();
        int code = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        assertThat(code).as(out.toString()).isZero();

        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                uses.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertThat(uses).as("package dependencies read").hasSizeGreaterThan(10);
        assertThat(cycles(uses)).as("packages that depend on each other").isEmpty();
    }

    /**
     * A module's compiled main classes: its target/classes, or its jar (packaged in the reactor, or installed),
     * known by holding classes of ours.
     */
    private static boolean isOurMainCode(String entry) {
        Path path = Path.of(entry);
        if (Files.isDirectory(path)) {
            return path.endsWith(Path.of("target", "classes"));
        }
        if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
            return false;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getEntry("dev/interviewcoach/") != null
                    || jar.stream().anyMatch(e -> e.getName().startsWith("dev/interviewcoach/"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Groups of two or more packages that reach each other (Tarjan's strongly connected components). */
    private static List<Set<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, uses, index, low, stack, found);
            }
        }
        return found;
    }

    private static void visit(String pkg, Map<String, Set<String>> uses, Map<String, Integer> index,
                              Map<String, Integer> low, List<String> stack, List<Set<String>> found) {
        index.put(pkg, index.size());
        low.put(pkg, index.get(pkg));
        stack.add(pkg);
        for (String next : uses.getOrDefault(pkg, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, uses, index, low, stack, found);
                low.put(pkg, Math.min(low.get(pkg), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(pkg, Math.min(low.get(pkg), index.get(next)));
            }
        }
        if (low.get(pkg).equals(index.get(pkg))) {
            Set<String> group = new TreeSet<>();
            String top;
            do {
                top = stack.removeLast();
                group.add(top);
            } while (!top.equals(pkg));
            if (group.size() > 1) {
                found.add(group);
            }
        }
    }
}
