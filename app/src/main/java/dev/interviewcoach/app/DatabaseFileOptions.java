package dev.interviewcoach.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of the commands that work on the embedded database's file: which file, and the configuration. */
final class DatabaseFileOptions {

    @Option(names = "--db", description = "SQLite database file (default: database.path, data/coach.db).")
    Path db;

    @Option(names = "--config", description = "Configuration file (default: config/coach.yaml if present).")
    Path config;

    CoachConfig config() {
        return CoachConfig.load(Optional.ofNullable(config), new HashMap<>(System.getenv()));
    }

    /**
     * The SQLite file ({@code --db}, else the configuration's), or empty after saying why there is none: the coach
     * keeps its data in PostgreSQL, whose own tools copy it.
     */
    Optional<Path> database(PrintWriter err) {
        if (db != null) {
            return Optional.of(db);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        CoachConfig cfg = CoachConfig.load(Optional.ofNullable(config), env);
        Optional<Path> file = cfg.sqliteFile(env);
        if (file.isEmpty()) {
            err.println("This coach keeps its data in " + CoachConfig.maskUrl(cfg.jdbcUrl(env)) + ", not in an SQLite"
                    + " file. Back PostgreSQL up with its own tools (pg_dump -Fc, or your provider's snapshots), and"
                    + " restore with pg_restore while the coach is stopped.");
        }
        return file;
    }
}
