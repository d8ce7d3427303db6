package dev.interviewcoach.observe;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ForwardingChatPort;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformRefusal;
import java.util.function.Supplier;

/** A port that counts what goes out and what fails, around the platform's own port. */
public final class MeteredChatPort extends ForwardingChatPort {

    private final Platform platform;
    private final CoachMetrics metrics;

    public MeteredChatPort(ChatPort port, Platform platform, CoachMetrics metrics) {
        super(port);
        this.platform = platform;
        this.metrics = metrics;
    }

    @Override
    protected <T> T sending(Supplier<T> call) {
        try {
            T result = call.get();
            metrics.replyOut(platform);
            return result;
        } catch (PlatformRefusal refusal) {
            metrics.platformError(platform, "refused");
            throw refusal;
        } catch (RuntimeException e) {
            metrics.platformError(platform, "failed");
            throw e;
        }
    }
}
