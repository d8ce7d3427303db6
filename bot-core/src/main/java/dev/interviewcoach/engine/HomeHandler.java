package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;

/** Builds a person's home page when they open it. */
public interface HomeHandler extends Feature {

    void onHomeOpened(Inbound.HomeOpened opened, ChatPort port);
}
