package io.appmessage.benchmarks.dispatch;

import io.appmessage.AppMessage;
import io.appmessage.benchmarks.dispatch.handlers.HandlerObjects;
import io.appmessage.benchmarks.scan.ScannedHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Variant (c): what frameworks do after classpath scanning. The handler methods are found once
 * through their run-time annotation and cached; every poll then calls {@link Method#invoke}.
 * Reflection is the point of this variant: it is the cost AppMessage's generated code avoids.
 *
 * <pre>{@code
 * ReflectiveDispatch dispatch = new ReflectiveDispatch(10);
 * dispatch.poll(message);
 * }</pre>
 */
public final class ReflectiveDispatch {

    private final Object[] targets;
    private final Method[] methods;

    public ReflectiveDispatch(int count) {
        List<Object> found = new ArrayList<>();
        List<Method> foundMethods = new ArrayList<>();
        for (Object handler : HandlerObjects.newHandlers().subList(0, count)) {
            for (Method method : handler.getClass().getMethods()) {
                if (method.isAnnotationPresent(ScannedHandler.class)) {
                    method.setAccessible(true);
                    found.add(handler);
                    foundMethods.add(method);
                }
            }
        }
        targets = found.toArray();
        methods = foundMethods.toArray(new Method[0]);
    }

    public void poll(AppMessage message) throws ReflectiveOperationException {
        for (int i = 0; i < methods.length; i++) {
            methods[i].invoke(targets[i], message);
        }
    }
}
