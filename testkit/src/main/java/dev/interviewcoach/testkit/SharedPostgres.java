package dev.interviewcoach.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for all the test classes of a test JVM that need one, started by the
 * first of them (starting a server, initdb included, takes seconds; a database, a tenth of one).
 * Each use gets a new, empty database of its own, so no test sees another's tables or rows.
 */
public final class SharedPostgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private SharedPostgres() {
    }

    /** The server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() throws IOException {
        if (server == null) {
            EmbeddedPostgres started = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going; the server's folder is a temporary one
                }
            }));
            server = started;
        }
        return server;
    }

    /** The JDBC URL of a new, empty database on the shared server (user and password {@code postgres}). */
    public static String newDatabase() throws Exception {
        EmbeddedPostgres pg = server();
        String name = "test" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }
}
