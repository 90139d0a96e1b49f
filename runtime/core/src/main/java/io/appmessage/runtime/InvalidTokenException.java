package io.appmessage.runtime;

/**
 * Thrown by an {@link Authenticator} that rejects a token (expired, forged). The poll is answered
 * {@code 401} with the envelope {@code {"code":401,"msg":"invalid access token","data":null}}, so
 * the client can log in again; the message of this exception is logged at debug, never sent.
 */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }
}
