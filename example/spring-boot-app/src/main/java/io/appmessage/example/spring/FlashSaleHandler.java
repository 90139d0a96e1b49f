package io.appmessage.example.spring;

import io.appmessage.OnAppMessageRequest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Pushes {@code flash_sale}, the async form: the value comes from a (simulated) remote inventory
 * call that completes later. The poll waits for it up to its deadline without holding a thread.
 */
public final class FlashSaleHandler {

    /** The simulated network round trip of an inventory service. */
    private static final long ROUND_TRIP_MILLIS = 20;

    private static final long SALE_LENGTH_SECONDS = 15 * 60;

    @OnAppMessageRequest(value = "flash_sale", order = 30)
    static CompletionStage<FlashSale> flashSale() {
        // Completed by the JDK's one delay-scheduler thread, as a network client's IO thread would
        // complete it. Not supplyAsync on a delayed executor: with fewer than 3 cores CompletableFuture's
        // default async pool starts a new thread per task, which capped this app near 2,000 polls/s
        // (example/benchmarks/RESULTS.md).
        return new CompletableFuture<FlashSale>().completeOnTimeout(currentSale(), ROUND_TRIP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static FlashSale currentSale() {
        long now = Instant.now().getEpochSecond();
        long saleStart = now - Math.floorMod(now, SALE_LENGTH_SECONDS);
        int remaining = (int) (100 - (now - saleStart) * 100 / SALE_LENGTH_SECONDS);
        return new FlashSale("保温杯 (flash sale)", remaining, saleStart + SALE_LENGTH_SECONDS);
    }
}
