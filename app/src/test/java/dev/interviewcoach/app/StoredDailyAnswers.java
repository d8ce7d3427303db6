package dev.interviewcoach.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the answers stored for a question of the day straight from a coach's SQLite file, as an operator would. */
public final class StoredDailyAnswers {

    private StoredDailyAnswers() {
    }

    /** The text of every answer stored for subscription {@code subscriptionId}, oldest first. */
    public static List<String> texts(Path database, String subscriptionId) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement query = c.prepareStatement(
                     "SELECT answer_text FROM daily_answer WHERE subscription_id = ? ORDER BY answered_at")) {
            query.setString(1, subscriptionId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
        }
        return texts;
    }
}
