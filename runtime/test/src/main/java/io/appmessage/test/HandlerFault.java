package io.appmessage.test;

/**
 * A handler that failed during one poll: the runtime left its keys out of the answer.
 *
 * <pre>{@code
 * assertThat(poll.faults()).extracting(HandlerFault::handlerId).containsExactly("com.shop.ShopHandlers#stock");
 * }</pre>
 *
 * @param handlerId the handler's id, {@code fully.qualified.Class#method}
 * @param kind      how it failed
 * @param error     what it threw, or its stage failed with; null for {@link Kind#TIMED_OUT}
 */
public record HandlerFault(String handlerId, Kind kind, Throwable error) {

    /** How a handler failed. */
    public enum Kind {
        /** It threw, or its {@code CompletionStage} completed exceptionally. */
        THREW,
        /** It had not finished when the poll's deadline answered without it. */
        TIMED_OUT
    }
}
