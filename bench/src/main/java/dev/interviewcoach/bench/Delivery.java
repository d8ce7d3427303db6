package dev.interviewcoach.bench;

/** One request the harness sent to the Slack request URL, and what became of it: the ack, and the bot's reply. */
final class Delivery {

    private final long sentNanos;
    private final boolean measured;
    private long ackNanos;
    private int status;
    private boolean turnedAway;
    private String failure;
    private long replyNanos;

    Delivery(long sentNanos, boolean measured) {
        this.sentNanos = sentNanos;
        this.measured = measured;
    }

    long sentNanos() {
        return sentNanos;
    }

    boolean measured() {
        return measured;
    }

    /** The HTTP response came; {@code turnedAway} when the app said it was too busy to take the work. */
    synchronized void acked(long now, int status, boolean turnedAway) {
        this.ackNanos = now;
        this.status = status;
        this.turnedAway = turnedAway;
    }

    /** No HTTP response: the connection failed or timed out. */
    synchronized void failed(long now, String failure) {
        this.ackNanos = now;
        this.failure = failure;
    }

    /** The bot posted into the person's conversation; only the first post after sending counts. */
    synchronized void replied(long now) {
        if (replyNanos == 0) {
            replyNanos = now;
        }
    }

    /** Acknowledged with 200 and taken on. */
    synchronized boolean accepted() {
        return ackNanos != 0 && failure == null && status == 200 && !turnedAway;
    }

    /** Acknowledged with HTTP 200, whether or not the app took the work on. */
    synchronized boolean acknowledged() {
        return ackNanos != 0 && failure == null && status == 200;
    }

    synchronized boolean replied() {
        return replyNanos != 0;
    }

    /** Nothing more will happen to it: refused, or accepted and (where the app replies) replied to. */
    synchronized boolean settled(boolean expectReply) {
        return ackNanos != 0 && (!accepted() || !expectReply || replyNanos != 0);
    }

    synchronized long ackLatency() {
        return ackNanos - sentNanos;
    }

    synchronized long replyLatency() {
        return replyNanos - sentNanos;
    }

    synchronized String outcome() {
        return failure != null ? failure : turnedAway ? "busy" : "HTTP " + status;
    }
}
