package io.appmessage.runtime.internal.delivery;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.internal.dispatch.BadPollRequestException;

/**
 * What a poll asks of delivery: its cursor, from the
 * {@code cursor} query parameter or else the {@code X-App-Message-Cursor} header, and how long it
 * is willing to wait, from the {@code wait} query parameter in seconds.
 *
 * <pre>{@code
 * String cursor = PollDeliveryRequest.cursor(request);     // null: the client has none yet
 * int wait = PollDeliveryRequest.waitSeconds(request, 25); // 0: answer at once
 * }</pre>
 */
final class PollDeliveryRequest {

    static final String CURSOR_PARAMETER = "cursor";
    static final String CURSOR_HEADER = "X-App-Message-Cursor";
    static final String WAIT_PARAMETER = "wait";

    private PollDeliveryRequest() {
    }

    /** The cursor the client sent, or null (absent or blank). Its form is judged by the outbox. */
    static String cursor(AppMessageRequest request) {
        String cursor = request.queryParameter(CURSOR_PARAMETER);
        if (cursor == null || cursor.isBlank()) {
            cursor = request.header(CURSOR_HEADER);
        }
        return cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    /**
     * The seconds this poll may be held: what it asked for, at most {@code capSeconds}; 0 (answer at
     * once) when it did not ask or asked for less than a second.
     *
     * @throws BadPollRequestException when {@code wait} is not a number of seconds, 0 or more: a
     *                                 client bug is answered 400 rather than silently not held
     */
    static int waitSeconds(AppMessageRequest request, int capSeconds) {
        String text = request.queryParameter(WAIT_PARAMETER);
        if (text == null || text.isEmpty()) {
            return 0;
        }
        double seconds;
        try {
            seconds = text.length() > 12 ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) { // NaN, negative, infinite
            throw new BadPollRequestException("query parameter 'wait' must be a number of seconds, 0 or more");
        }
        if (seconds < 1) {
            return 0; // under a second: nothing worth holding for
        }
        return (int) Math.min(Math.floor(seconds), capSeconds);
    }
}
