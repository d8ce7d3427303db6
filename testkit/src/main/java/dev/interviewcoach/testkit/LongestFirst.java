package dev.interviewcoach.testkit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the test classes that take longest first, the rest after them in the usual order. Classes
 * run side by side on a few threads; a long class that started late would run on alone at the end
 * while the other threads had nothing left to do. Each module names its long classes (simple names,
 * longest first, as measured in target/surefire-reports) in its junit-platform.properties under
 * {@value #LONGEST}.
 */
public final class LongestFirst implements ClassOrderer {

    /** The configuration parameter that lists a module's longest test classes, comma-separated. */
    public static final String LONGEST = "interviewcoach.longest-first";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<String> longest = context.getConfigurationParameter(LONGEST)
                .map(names -> Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList())
                .orElse(List.of());
        context.getClassDescriptors().sort(Comparator.comparingInt(d -> {
            int at = longest.indexOf(d.getTestClass().getSimpleName());
            return at < 0 ? longest.size() : at;
        }));
    }
}
