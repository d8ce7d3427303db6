package dev.interviewcoach.engine;

/**
 * Something the coach does, listed once in its registry. The engine routes to a feature by the
 * capability interfaces it implements: {@link CommandHandler}, {@link MessageHandler},
 * {@link EditHandler}, {@link ActionHandler}, {@link HomeHandler} and {@link Scheduled}.
 */
public interface Feature {
}
