package dev.interviewcoach.store;

import java.util.function.Supplier;

/**
 * Runs work whose writes commit as each is made, beside the event's unit of work rather than in it
 * ({@link Database#besideTheUnit}): for a claim others must see at once, made before a platform call.
 */
@FunctionalInterface
public interface BesideTheUnit {

    <T> T run(Supplier<T> work);
}
