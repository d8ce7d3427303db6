package dev.interviewcoach.store;

import java.time.Instant;

/**
 * How one person did on one question, summed up by the database: how many scored answers, the
 * sum of their scores and when the latest was given. {@code track} is the interview's track where
 * the answers were given in one, else null.
 */
public record ScoreTally(String track, String questionId, int answers, long scoreSum, Instant latest) {}
