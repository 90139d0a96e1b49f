package io.appmessage.runtime.internal.dispatch;

/**
 * A poll's request headers as the hosting framework keeps them: the first value of a header,
 * matched case-insensitively, or {@code null}. Undertow passes its {@code HeaderMap}, a Servlet
 * container {@code request::getHeader}.
 */
@FunctionalInterface
public interface HeaderLookup {

    String first(String name);
}
