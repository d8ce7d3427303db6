package dev.interviewcoach.bench;

/**
 * One person practising in a direct message with the bot: starts a mock interview, answers each question once it
 * has arrived, and starts another after the scorecard. Sends one thing at a time, as a person types.
 */
final class SimulatedPerson {

    /** What the person sends next. */
    enum Turn { COMMAND, ANSWER }

    static final int QUESTIONS = 5;
    static final String COMMAND_TEXT = "mock python-developer " + QUESTIONS;

    private final int index;
    private final String userId;
    private final String channel;
    private Turn turn = Turn.COMMAND;
    private int answersThisInterview;
    private long answersTyped;
    private Delivery current;
    private boolean waiting;

    /**
     * @param channel the person's direct conversation with the bot on Slack, whose id has nothing to do with the
     *                user's id (see {@link DirectChannelIds}); on Discord the text channel they start interviews in
     */
    SimulatedPerson(int index, String userId, String channel) {
        this.index = index;
        this.userId = userId;
        this.channel = channel;
    }

    String userId() {
        return userId;
    }

    /** The person's direct conversation with the bot (Slack), or where they start interviews (Discord). */
    String channel() {
        return channel;
    }

    synchronized Turn turn() {
        return turn;
    }

    /** The text of the next answer this person types. */
    synchronized String nextAnswer() {
        return PracticeAnswers.answer(index, answersTyped++);
    }

    /** The person has sent their turn and now waits. */
    synchronized Delivery sent(long now, boolean measured) {
        current = new Delivery(now, measured);
        waiting = true;
        return current;
    }

    /**
     * The bot posted in this person's conversation. Returns true when the post ends the bot's turn (the next
     * question, the scorecard, or a note that tells the person what to send), so the person may send again.
     */
    synchronized boolean botPosted(String text, long now) {
        if (current != null) {
            current.replied(now);
        }
        if (!waiting || text == null) {
            return false;
        }
        Turn next = turnAfter(text);
        if (next == null) {
            return false; // the intro or the feedback: the next question is still to come
        }
        turn = next;
        waiting = false;
        return true;
    }

    /**
     * What a message of the bot lets the person send next. One message may carry several parts, each opening a
     * paragraph (the feedback, then the next question or the scorecard): the last part that says so decides.
     */
    static Turn turnAfter(String text) {
        String[] parts = text.split("\n\n");
        for (int i = parts.length - 1; i >= 0; i--) {
            Turn turn = turnAfterPart(parts[i]);
            if (turn != null) {
                return turn;
            }
        }
        return null;
    }

    private static Turn turnAfterPart(String text) {
        if (text.startsWith("A follow-up on question ") || text.startsWith("Again, a follow-up on question ")) {
            return Turn.ANSWER;
        }
        if (text.startsWith("Question ") || text.startsWith("Again, question ") || text.startsWith("You already have")) {
            return Turn.ANSWER;
        }
        if (text.startsWith("Scorecard") || text.startsWith("I don't know the command")
                || text.startsWith("This interview has already finished")) {
            return Turn.COMMAND;
        }
        if (text.startsWith("Sorry, something went wrong")) {
            return Turn.ANSWER; // the interview is kept; if there is none, the answer comes back as an unknown command
        }
        return null;
    }

    /**
     * For the echo bot: its one post in this person's conversation ends the turn, and the person moves on as if it
     * were the next question (or the scorecard). Returns true when the person may send again.
     */
    synchronized boolean echoed(long now) {
        if (current != null) {
            current.replied(now);
        }
        if (!waiting) {
            return false;
        }
        advance();
        waiting = false;
        return true;
    }

    private void advance() {
        if (turn == Turn.COMMAND) {
            turn = Turn.ANSWER;
            answersThisInterview = 0;
        } else if (++answersThisInterview == QUESTIONS) {
            turn = Turn.COMMAND;
        }
    }

    /** For an app that never replies: the ack ends the turn, and the person moves on as if the question came. */
    synchronized boolean ackEndsTurn(Delivery delivery) {
        if (delivery != current || !waiting) {
            return false;
        }
        advance();
        waiting = false;
        return true;
    }

    /** The request did not get in (an error, or the app was too busy): the person tries the same turn again. */
    synchronized boolean refused(Delivery delivery) {
        if (delivery != current || !waiting) {
            return false;
        }
        waiting = false;
        return true;
    }

    /**
     * Gives up waiting after {@code limitNanos} without the bot's next question, and answers anyway (an answer
     * with no interview running comes back as an unknown command, which sets the person on track again).
     */
    synchronized boolean giveUpIfStalled(long now, long limitNanos) {
        if (!waiting || now - current.sentNanos() < limitNanos) {
            return false;
        }
        turn = Turn.ANSWER;
        waiting = false;
        return true;
    }
}
