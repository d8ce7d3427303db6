package dev.interviewcoach.bench;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the SQL statements a coach's Jdbi runs, by their text, installed from the harness side (the core is not
 * changed). Counting is a map lookup on the statement's text as written; the text is tidied only when reported.
 */
final class StatementCounter implements SqlLogger {

    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

    @Override
    public void logAfterExecution(StatementContext context) {
        count(context);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        count(context);
    }

    private void count(StatementContext context) {
        String sql = context.getRawSql();
        bySql.computeIfAbsent(sql == null ? "?" : sql, k -> new LongAdder()).increment();
    }

    void reset() {
        bySql.clear();
    }

    long total() {
        return bySql.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Statements whose text starts with {@code prefix} (after white space and case), e.g. an INSERT into one table. */
    long startingWith(String prefix) {
        return bySql.entrySet().stream().filter(e -> tidy(e.getKey()).regionMatches(true, 0, prefix, 0, prefix.length()))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** The statements that changed data (INSERT, UPDATE, DELETE, REPLACE). */
    long writes() {
        return bySql.entrySet().stream().filter(e -> writes(e.getKey())).mapToLong(e -> e.getValue().sum()).sum();
    }

    private static boolean writes(String sql) {
        String verb = tidy(sql);
        int end = verb.indexOf(' ');
        return switch ((end < 0 ? verb : verb.substring(0, end)).toUpperCase(java.util.Locale.ROOT)) {
            case "INSERT", "UPDATE", "DELETE", "REPLACE" -> true;
            default -> false;
        };
    }

    /** The most frequent statements, each as "count x text" with its text shortened, most frequent first. */
    List<String> top(int count) {
        return top(count, 1);
    }

    /** As {@link #top(int)}, each count divided by {@code per} (statements per event, say). */
    List<String> top(int count, double per) {
        return bySql.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(count).map(e -> (per == 1 ? Long.toString(e.getValue().sum())
                        : String.format(java.util.Locale.ROOT, "%.2f", e.getValue().sum() / per)) + " x " + shortened(e.getKey()))
                .toList();
    }

    private static String tidy(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private static String shortened(String sql) {
        String text = tidy(sql);
        return text.length() > 70 ? text.substring(0, 70) + "..." : text;
    }
}
