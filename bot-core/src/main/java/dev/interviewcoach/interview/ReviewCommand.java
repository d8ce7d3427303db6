package dev.interviewcoach.interview;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.engine.CommandHandler;
import java.util.List;

/** {@code review}: a person's answers to their latest interview, quoted back with scores. */
public final class ReviewCommand implements CommandHandler {

    private final SessionRepository sessions;
    private final MockInterviewFeature interviews;

    public ReviewCommand(SessionRepository sessions, MockInterviewFeature interviews) {
        this.sessions = sessions;
        this.interviews = interviews;
    }

    @Override
    public String name() {
        return "review";
    }

    @Override
    public String usage() {
        return "review";
    }

    @Override
    public String summary() {
        return "your answers to your latest interview, with scores";
    }

    @Override
    public void handle(Inbound.Command command, List<String> args, ChatPort port) {
        List<MockSession> recent = sessions.recentFor(command.user(), 1);
        Reply reply = recent.isEmpty()
                ? Reply.text("You have no interviews yet. Start one with: mock")
                : interviews.review(recent.getFirst());
        port.post(command.place(), reply.onlyTo(command.user()));
    }
}
