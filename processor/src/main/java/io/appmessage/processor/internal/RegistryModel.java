package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.Comparator;
import java.util.List;

/**
 * What HandlerRegister contains.
 *
 * @param name          the generated class
 * @param handlers      the handlers, in invocation order
 * @param records       the records the register writes itself (in its nested {@code Writers} class), sorted by name
 * @param writerClasses the separate JSON writer classes to register (records the register's package cannot
 *                      name), sorted by name
 */
public record RegistryModel(ClassName name, List<HandlerModel> handlers, List<RecordModel> records,
                            List<ClassName> writerClasses) {

    public RegistryModel {
        handlers = handlers.stream().sorted(HandlerModel.INVOCATION_ORDER).toList();
        records = records.stream().sorted(Comparator.comparing(record -> record.record().canonicalName())).toList();
        writerClasses = writerClasses.stream().sorted(Comparator.comparing(ClassName::canonicalName)).toList();
    }

    /** Whether the register has JSON writers to register. */
    public boolean hasWriters() {
        return !records.isEmpty() || !writerClasses.isEmpty();
    }
}
