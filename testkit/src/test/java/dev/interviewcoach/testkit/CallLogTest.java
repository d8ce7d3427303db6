package dev.interviewcoach.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallLogTest {

    private final StateMonitor monitor = new StateMonitor("the fake Test");
    private final CallLog<String> calls = new CallLog<>(monitor);

    @Test
    void awaitReturnsACallRecordedByAnotherThreadWhileItWaits() throws Exception {
        Thread server = new Thread(() -> {
            calls.record("auth.test");
            calls.record("chat.postMessage C1");
        });
        server.start();

        assertThat(calls.await(c -> c.startsWith("chat."), Duration.ofSeconds(5), "chat"))
                .isEqualTo("chat.postMessage C1");
        server.join();
    }

    @Test
    void awaitReturnsTheOldestMatchingCall() {
        calls.record("post 1");
        calls.record("post 2");

        assertThat(calls.await(c -> c.startsWith("post"), Duration.ofSeconds(1), "post")).isEqualTo("post 1");
        assertThat(calls.matching(c -> c.endsWith("2"))).containsExactly("post 2");
    }

    @Test
    void awaitFailsListingEveryCallSeenWhenNoneMatches() {
        calls.record("auth.test");
        calls.record("users.info");

        assertThatThrownBy(() -> calls.await(c -> c.equals("views.open"), Duration.ofMillis(50), "views.open"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no matching views.open call within PT0.05S; calls seen: \n  auth.test\n  users.info");
    }

    @Test
    void clearForgetsEveryCall() {
        calls.record("auth.test");
        calls.clear();

        assertThat(calls.all()).isEmpty();
        assertThat(calls.describe()).isEqualTo("(none)");
    }

    @Test
    void anInterruptedWaiterFailsAndKeepsItsInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> monitor.waitUntil(() -> false, Duration.ofSeconds(5)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("interrupted while waiting on the fake Test");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
