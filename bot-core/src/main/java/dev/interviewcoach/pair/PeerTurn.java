package dev.interviewcoach.pair;

import java.util.Optional;
import java.util.Set;

/**
 * One question of a pairing: who asks and who answers, the answer typed in the pair's
 * conversation (empty when it was said out loud) with the coach's score of it, the talking points
 * the interviewer marked covered (by id), and the interviewer's own 1-5.
 */
public record PeerTurn(String pairingId, int turn, String interviewer, String candidate, String questionId,
                       Optional<String> answer, Optional<Integer> coachScore, Set<String> covered,
                       Optional<Integer> peerScore) {

    public PeerTurn {
        covered = Set.copyOf(covered);
    }
}
