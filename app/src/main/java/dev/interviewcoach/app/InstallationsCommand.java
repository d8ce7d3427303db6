package dev.interviewcoach.app;

import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.tenant.Installations;
import dev.interviewcoach.tenant.TenantLifecycle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coach installations}: the Slack workspaces the coach is installed in (by OAuth), and
 * {@code --remove TEAM} to take one out as an uninstall would.
 */
@Command(name = "installations", mixinStandardHelpOptions = true,
        description = "List the Slack workspaces the coach is installed in; --remove TEAM_ID takes one out, as an uninstall would.")
final class InstallationsCommand implements Callable<Integer> {

    @Option(names = "--remove", paramLabel = "TEAM_ID", description = "Remove this workspace's installation (T...).")
    String remove;

    @Option(names = "--config", description = "Configuration file (default: config/coach.yaml if present).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = new HashMap<>(System.getenv());
        CoachConfig cfg = CoachConfig.load(Optional.ofNullable(config), env);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(cfg.jdbcUrl(env), cfg.databaseUser(), cfg.databasePassword())) {
            db.migrate();
            Duration grace = cfg.workspaces().grace();
            Installations installations = new Installations(db.jdbi(),
                    new TenantLifecycle(db.jdbi(), clock, grace, Duration.ofHours(1)));
            if (remove != null) {
                if (!remove.matches("[A-Z0-9]{2,32}")) {
                    spec.commandLine().getErr().println("\"" + remove + "\" is not a Slack team id (they look like"
                            + " T012AB3CD); coach installations lists them.");
                    return 2;
                }
                if (!installations.remove(Platform.SLACK, remove, clock.instant())) {
                    spec.commandLine().getErr().println("No installation for workspace " + remove + ". coach installations"
                            + " lists them.");
                    return 1;
                }
                out.println("Removed workspace " + remove + ": nothing more is posted there, and its people's data is"
                        + " deleted in " + grace.toDays() + " days unless it installs the coach again. Slack still shows"
                        + " the app in that workspace until one of its admins removes it.");
                return 0;
            }
            List<Installations.Installation> all = installations.all();
            if (all.isEmpty()) {
                out.println("No workspace has installed the coach by OAuth. Install pages: /slack/install on coach run"
                        + " (with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET).");
                return 0;
            }
            out.println(all.size() == 1 ? "1 installation:" : all.size() + " installations:");
            for (Installations.Installation i : all) {
                out.println("  " + (i.enterpriseId().isEmpty() ? "" : i.enterpriseId() + "/") + i.teamId()
                        + "  installed " + i.installedAt() + i.installedBy().map(u -> " by " + u).orElse("")
                        + "  scopes: " + (i.scopes().isEmpty() ? "-" : String.join(",", i.scopes())));
            }
            return 0;
        }
    }
}
