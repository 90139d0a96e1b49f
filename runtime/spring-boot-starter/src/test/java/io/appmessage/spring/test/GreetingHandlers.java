package io.appmessage.spring.test;

import io.appmessage.AppMessageRequest;
import io.appmessage.OnAppMessageRequest;

/** A handler class that is a Spring bean: it has no no-arg constructor, only the injected service. */
public class GreetingHandlers {

    private final Greetings greetings;

    public GreetingHandlers(Greetings greetings) {
        this.greetings = greetings;
    }

    @OnAppMessageRequest(value = "greeting", order = 10)
    public String greet(AppMessageRequest request) {
        return greetings.greet(request.userId().orElse("guest"));
    }
}
