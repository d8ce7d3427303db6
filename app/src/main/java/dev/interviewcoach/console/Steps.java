package dev.interviewcoach.console;

/**
 * How the console hands each of its steps (a command, an answer) to the engine: whole, so that whatever stops the
 * process (Ctrl-C) can wait for the step in hand rather than cut it, and the person sees its reply.
 */
@FunctionalInterface
public interface Steps {

    /** Steps run as they come, with nothing waiting on them. */
    Steps AS_THEY_COME = Runnable::run;

    void run(Runnable step);
}
