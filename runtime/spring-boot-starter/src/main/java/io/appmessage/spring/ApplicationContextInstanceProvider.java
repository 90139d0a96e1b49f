package io.appmessage.spring;

import io.appmessage.InstanceProvider;
import org.springframework.context.ApplicationContext;

/**
 * Hands the generated registers the context's bean of a handler class, so handlers get their services by
 * constructor injection; a class that is no bean is built with its no-arg constructor as without Spring.
 * Asked once per handler class, when the poll engine is built.
 */
public final class ApplicationContextInstanceProvider implements InstanceProvider {

    private final ApplicationContext context;

    public ApplicationContextInstanceProvider(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <T> T get(Class<T> type) {
        return context.getBeanProvider(type).getIfAvailable();
    }
}
