package dev.interviewcoach.chat;

/** A message the bot posted, so it can be edited later (buttons greyed out, scores filled in). */
public record MessageRef(Place place, String messageId) {}
