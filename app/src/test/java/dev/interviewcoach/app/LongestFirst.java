package dev.interviewcoach.app;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the test classes that take longest first (the longest first of all), the rest after them in
 * the usual order. Classes run side by side on a few threads; a long class that started late would
 * run on alone at the end while the other threads had nothing left to do.
 */
public final class LongestFirst implements ClassOrderer {

    /** Simple names, longest first, as measured (target/surefire-reports). */
    private static final List<String> LONGEST = List.of("DailyAtScaleTest", "NothingLostTest", "DiscordShardTakeOverTest", "RunCommandTest",
            "SlackEndToEndTest", "DiscordStartTest", "DailyRestartTest", "LogFormatTest", "DiscordEndToEndTest",
            "DiscordDailyEndToEndTest", "TwoInstancesOnPostgresTest", "SlackWorkspacesEndToEndTest", "OperatorEndpointsTest",
            "OAuthRunCommandTest");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(d -> rank(d.getTestClass().getSimpleName())));
    }

    private static int rank(String simpleName) {
        int at = LONGEST.indexOf(simpleName);
        return at < 0 ? LONGEST.size() : at;
    }
}
