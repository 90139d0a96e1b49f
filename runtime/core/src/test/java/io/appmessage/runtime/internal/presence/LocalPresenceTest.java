package io.appmessage.runtime.internal.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.runtime.spi.PollObserver.PollMode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Presence on one node, fed the way the runtime feeds it (pollAnswered), on a clock the test moves. */
class LocalPresenceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LocalPresence presence = new LocalPresence(Duration.ofSeconds(10), 1_000, now::get);

    @Test
    void aUserIsOnlineForOneWindowAfterTheirLastPoll() {
        answered("u1");
        assertThat(presence.isOnline("u1")).isTrue();
        assertThat(presence.isOnline("u2")).isFalse();

        advance(Duration.ofSeconds(9));
        assertThat(presence.isOnline("u1")).isTrue();
        answered("u1");
        advance(Duration.ofSeconds(9));
        assertThat(presence.isOnline("u1")).as("the second poll renewed the window").isTrue();
        advance(Duration.ofSeconds(1));
        assertThat(presence.isOnline("u1")).isFalse();
        assertThat(presence.onlineCount()).isZero();
    }

    @Test
    void anonymousPollsAreNotCounted() {
        presence.pollAnswered(null, PollMode.POLL, 200, 1, 10, 0);
        assertThat(presence.onlineCount()).isZero();
        assertThat(presence.isOnline(null)).isFalse();
    }

    @Test
    void countsTheUsersSeenWithinTheWindow() {
        answered("u1");
        advance(Duration.ofSeconds(6));
        answered("u2");
        answered("u3");
        assertThat(presence.onlineCount()).isEqualTo(3);
        advance(Duration.ofSeconds(5));
        assertThat(presence.onlineCount()).isEqualTo(2);
    }

    @Test
    void expiredUsersAreForgottenSoMemoryFollowsWhoIsOnline() {
        for (int i = 0; i < 500; i++) {
            answered("old-" + i);
        }
        advance(Duration.ofSeconds(11));
        answered("new");
        assertThat(presence.remembered()).isEqualTo(1);
    }

    @Test
    void pastTheCapNewUsersAreNotRememberedButKnownOnesStayOnline() {
        LocalPresence small = new LocalPresence(Duration.ofSeconds(10), 3, now::get);
        for (String user : new String[] {"a", "b", "c", "d"}) {
            small.pollAnswered(user, PollMode.POLL, 200, 1, 10, 0);
        }
        assertThat(small.remembered()).isEqualTo(3);
        assertThat(small.isOnline("d")).isFalse();
        advance(Duration.ofSeconds(8));
        small.pollAnswered("a", PollMode.POLL, 200, 1, 10, 0);
        advance(Duration.ofSeconds(6));
        assertThat(small.isOnline("a")).isTrue();
        small.pollAnswered("d", PollMode.POLL, 200, 1, 10, 0);
        assertThat(small.isOnline("d")).as("room again once b and c expired and were swept").isTrue();
        assertThat(small.remembered()).isEqualTo(2);
    }

    @Test
    void aWindowThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> new LocalPresence(Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("presence window");
    }

    private void answered(String user) {
        presence.pollAnswered(user, PollMode.POLL, 200, 1_000, 10, 0);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
