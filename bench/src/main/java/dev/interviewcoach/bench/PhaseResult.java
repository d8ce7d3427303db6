package dev.interviewcoach.bench;

import java.util.Map;

/**
 * The figures of one load phase against one target.
 *
 * @param offeredRate    events per second the scheduler offered; 0 for the closed loop (as fast as replies allow)
 * @param sent           requests sent in the measured window
 * @param acknowledged   of those, acknowledged with HTTP 200 (including "too busy" answers, which are 200 too)
 * @param completed      of those, acknowledged with 200, taken on and, where people wait for replies, replied to
 * @param refused        not acknowledged with 200 (an error status, no response, or "too busy")
 * @param missingReplies acknowledged, but the bot's reply never came (within the drain time)
 * @param stalls         times a person gave up waiting for the next question (5 s) and typed anyway
 * @param idleSlots      send slots of the open loop in which no person was ready (waiting for the bot)
 * @param maxLagMillis   how late the open loop's scheduler sent at worst (a late scheduler hides latency)
 * @param spent          load average and CPU by thread family over the measured window
 * @param calls          Web API calls the target made for this phase's people, over the whole phase
 */
record PhaseResult(String target, String phase, double offeredRate, int people, double seconds, long sent,
                   long acknowledged, long completed, long refused, long missingReplies, long stalls, long idleSlots, double maxLagMillis,
                   Latencies ack, Latencies reply, ResourceUse.Spent spent, Calls calls) {

    /**
     * The Web API calls a phase cost: made for its people (in their conversations, or in none), against the
     * answers and the commands (interview starts) of theirs that were taken, warm-up and drain included.
     */
    record Calls(long total, Map<String, Long> byMethod, long answers, long commands) {

        /**
         * Calls per answer, the calls that started interviews included: a whole interview's figure, (1 + 5) / 5 =
         * 1.2 at best for five questions, a little more when a phase's window cuts interviews short.
         */
        double perAnswer() {
            return answers == 0 ? 0 : (double) total / answers;
        }

        /** Calls per event taken (an answer or a start). */
        double perEvent() {
            return answers + commands == 0 ? 0 : (double) total / (answers + commands);
        }
    }

    double completedPerSecond() {
        return completed / seconds;
    }

    double acknowledgedPerSecond() {
        return acknowledged / seconds;
    }

    long errors() {
        return refused + missingReplies;
    }
}
