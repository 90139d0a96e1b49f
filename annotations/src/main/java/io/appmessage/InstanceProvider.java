package io.appmessage;

/**
 * Supplies the objects whose instance methods are handlers, so that a DI container (Spring,
 * Guice, Dagger, avaje-inject) can own them. Asked once per handler class when the server starts,
 * not per poll.
 *
 * <pre>{@code
 * // Spring
 * AppMessageServer.builder().instanceProvider(applicationContext::getBean)...
 * // Guice
 * AppMessageServer.builder().instanceProvider(injector::getInstance)...
 * }</pre>
 *
 * <p>Generated code asks the provider first; when it returns {@code null}, a class with an
 * accessible no-arg constructor is built with {@code new}, and a class without one is a start-up
 * error naming the class.
 */
@FunctionalInterface
public interface InstanceProvider {

    /** A provider that manages nothing: every handler object is built with its no-arg constructor. */
    InstanceProvider NONE = new InstanceProvider() {
        @Override
        public <T> T get(Class<T> type) {
            return null;
        }

        @Override
        public String toString() {
            return "InstanceProvider.NONE";
        }
    };

    /**
     * Returns the instance to call handlers on, or {@code null} when this provider does not manage
     * {@code type}.
     */
    <T> T get(Class<T> type);
}
