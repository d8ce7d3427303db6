package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversationExecutorTest {

    @Test
    void directMessageKeysThatRepeatTheUserIdStillSpreadOverTheLanes() {
        Set<Integer> lanes = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            String user = "U" + (100000 + i);
            lanes.add(Math.floorMod(ConversationExecutor.spread("slack:T0TEST:D" + user + "/" + user), 8));
        }
        assertThat(lanes).as("lanes used by 64 DM conversations").hasSizeGreaterThanOrEqualTo(6);
    }
}
