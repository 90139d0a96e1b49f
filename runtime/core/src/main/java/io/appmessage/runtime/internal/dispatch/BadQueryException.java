package io.appmessage.runtime.internal.dispatch;

/** A query string that cannot be decoded: answered 400 with the envelope. */
final class BadQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    BadQueryException(String message) {
        super(message, null, false, false);
    }
}
