package io.appmessage.runtime.internal.outbox.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import io.appmessage.runtime.spi.MessageSignal;
import io.appmessage.runtime.spi.WakeListener;

class LocalMessageSignalTest {

    @Test
    void notify_reachesEveryListenerEvenWhenOneFailsAndStopsAfterUnsubscribe() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (LocalMessageSignal signal = new LocalMessageSignal()) {
            signal.subscribe(new WakeListener() {
                @Override
                public void userChanged(String userId) {
                    throw new IllegalStateException("faulty listener");
                }

                @Override
                public void everyoneChanged() {
                    throw new IllegalStateException("faulty listener");
                }
            });
            MessageSignal.Subscription subscription = signal.subscribe(recorder(events));

            signal.notifyUser("alice");
            signal.notifyAllUsers();
            subscription.close();
            signal.notifyUser("bob");
        }

        assertThat(events).containsExactly("user:alice", "all");
    }

    static WakeListener recorder(List<String> events) {
        return new WakeListener() {
            @Override
            public void userChanged(String userId) {
                events.add("user:" + userId);
            }

            @Override
            public void everyoneChanged() {
                events.add("all");
            }
        };
    }
}
