package io.appmessage.spring.test;

/** A service of the app that a handler bean gets by constructor injection. */
public class Greetings {

    private final String salutation;

    public Greetings(String salutation) {
        this.salutation = salutation;
    }

    public String greet(String name) {
        return salutation + " " + name;
    }
}
