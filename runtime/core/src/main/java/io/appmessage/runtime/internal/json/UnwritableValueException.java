package io.appmessage.runtime.internal.json;

/**
 * A pushed value (or something inside it) has no JSON form: a type without a generated writer, a
 * map with a non-string key, nesting too deep. The poll drops the key that holds it, nothing else.
 */
public final class UnwritableValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String typeName;

    public UnwritableValueException(String typeName, String reason) {
        super(typeName + ": " + reason);
        this.typeName = typeName;
    }

    /** The offending type's name (the value inside the pushed data that could not be written). */
    public String typeName() {
        return typeName;
    }
}
