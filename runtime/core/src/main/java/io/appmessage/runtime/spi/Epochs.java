package io.appmessage.runtime.spi;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * New store epochs: 128 random bits in lowercase hex, so two stores (or one store before and after a reset)
 * never share one and a cursor of one is never mistaken for the other's.
 */
public final class Epochs {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Epochs() {
    }

    /** A fresh epoch, e.g. {@code 9f0c2a6e1b7d4c3a8e5f0a1b2c3d4e5f}. */
    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
