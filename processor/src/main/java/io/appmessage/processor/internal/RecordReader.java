package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import io.appmessage.AppMessageData;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Reads a record into the model its JSON writer is generated from. */
public final class RecordReader {

    private final TypeSupport support;

    public RecordReader(TypeSupport support) {
        this.support = support;
    }

    public RecordModel read(TypeElement record) {
        AppMessageData data = record.getAnnotation(AppMessageData.class);
        AppMessageData.Naming naming = data == null ? AppMessageData.Naming.AS_DECLARED : data.naming();
        List<RecordModel.Component> components = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            String name = component.getSimpleName().toString();
            String jsonName = naming == AppMessageData.Naming.SNAKE_CASE ? snakeCase(name) : name;
            components.add(new RecordModel.Component(name, jsonName, formOf(component.asType())));
        }
        return new RecordModel(ClassName.get(record), !record.getTypeParameters().isEmpty(), components);
    }

    private RecordModel.JsonForm formOf(TypeMirror type) {
        return switch (type.getKind()) {
            case INT, LONG, SHORT, BYTE -> RecordModel.JsonForm.INTEGRAL;
            case FLOAT, DOUBLE -> RecordModel.JsonForm.FLOATING;
            case BOOLEAN -> RecordModel.JsonForm.BOOLEAN;
            case CHAR -> RecordModel.JsonForm.CHAR;
            default -> support.is(type, "java.lang.String") ? RecordModel.JsonForm.STRING : RecordModel.JsonForm.VALUE;
        };
    }

    /**
     * {@code orderNo} → {@code order_no}, {@code userID} → {@code user_id}, {@code httpURLPath} →
     * {@code http_url_path}, {@code line2Total} → {@code line2_total}.
     */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                        || Character.isDigit(name.charAt(i - 1)));
                boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLowerOrDigit || endsAcronym) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
