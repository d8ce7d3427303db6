package dev.interviewcoach.chat;

/** The chat platforms the coach speaks on. */
public enum Platform {
    SLACK,
    DISCORD,
    CONSOLE
}
