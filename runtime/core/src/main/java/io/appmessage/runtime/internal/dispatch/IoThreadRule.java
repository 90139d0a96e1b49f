package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.Authenticator;

/**
 * Whether a poll may run on the I/O thread it arrived on. Blocking is the default: a poll runs there
 * only when every handler that would run is declared non-blocking, no authenticator is called for
 * it (the app set none, or the poll carries no token: an authenticator may look a session up) and
 * no extension blocks for a poll without a user. The verdict on the handlers is kept per handler
 * array (plugin switches build a new one), so a poll pays one reference comparison.
 */
final class IoThreadRule {

    private final boolean authenticatorCalled;
    private final boolean extensionsMayBlock;
    private volatile Verdict last = new Verdict(null, false);

    IoThreadRule(Authenticator authenticator, PollExtension[] extensions) {
        this.authenticatorCalled = authenticator != Authenticator.ANONYMOUS;
        boolean mayBlock = false;
        for (PollExtension extension : extensions) {
            mayBlock |= extension.mayBlockAnonymousPolls();
        }
        this.extensionsMayBlock = mayBlock;
    }

    boolean allows(HandlerSlot[] active, String rawQuery, HeaderLookup headers) {
        if (extensionsMayBlock || !allNonBlocking(active)) {
            return false;
        }
        return !authenticatorCalled || !carriesToken(rawQuery, headers);
    }

    /** True when a handler runs where the poll arrived without risk: it is declared non-blocking. */
    static boolean nonBlocking(HandlerSlot handler) {
        return !handler.blocking;
    }

    private boolean allNonBlocking(HandlerSlot[] active) {
        Verdict verdict = last;
        if (verdict.active != active) {
            boolean all = active.length > 0;
            for (HandlerSlot handler : active) {
                all &= nonBlocking(handler);
            }
            verdict = new Verdict(active, all);
            last = verdict;
        }
        return verdict.allNonBlocking;
    }

    /** A token in the header, or possibly in the query (a false yes only costs the hop). */
    private static boolean carriesToken(String rawQuery, HeaderLookup headers) {
        String header = headers.first(PollRequestReader.TOKEN_HEADER);
        if (header != null && !header.isEmpty()) {
            return true;
        }
        return rawQuery != null && rawQuery.contains(PollRequestReader.TOKEN_PARAMETER);
    }

    private record Verdict(HandlerSlot[] active, boolean allNonBlocking) {
    }
}
