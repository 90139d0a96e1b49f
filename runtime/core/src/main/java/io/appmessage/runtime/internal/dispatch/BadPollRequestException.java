package io.appmessage.runtime.internal.dispatch;

/**
 * Thrown by a {@link PollExtension}'s {@code beforeHandlers} when the poll asks for something
 * malformed ({@code wait=abc}): the poll is answered 400 with the envelope and this plain
 * message, which must name the parameter and never carry internals.
 *
 * <pre>{@code
 * throw new BadPollRequestException("query parameter 'wait' must be a number of seconds, 0 or more");
 * }</pre>
 */
public final class BadPollRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadPollRequestException(String plainMessage) {
        super(plainMessage, null, false, false); // an answer to the client, not a fault: no stack trace
    }
}
