package dev.interviewcoach.daily;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import java.util.List;

/**
 * Starts a short mock interview on chosen questions: where "practise this topic" under a question
 * of the day leads. The mock interview feature does it; the daily feature needs to know no more.
 */
@FunctionalInterface
public interface Practice {

    /** Starts it for the person who gave {@code command}, telling them {@code note} first if not null. */
    void start(Inbound.Command command, Bank bank, List<Question> questions, String note, ChatPort port);
}
