package io.appmessage.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a generated register's descriptors from a table: one row per handler, in invocation order, each
 * row the arguments of {@link HandlerDescriptor#of(String, String, int, HandlerDescriptor.Kind, String, boolean,
 * HandlerCall)} but the call, joined by commas; the handler of row {@code i} is called through
 * {@code new DispatchedCall(dispatch, i)}. A string per handler instead of a factory call per handler is
 * what keeps the generated source cheap for javac (no overload resolution, no enum or constructor per row).
 *
 * <pre>{@code
 * return HandlerTable.describe(new Dispatch(instances),
 *         "com.shop.ShopHandlers#version,,-1,VALUE,version,false",  // id,plugin,order,kind,key,blocking
 *         "com.shop.ShopHandlers#test,,0,IMPERATIVE,,true");
 * }</pre>
 *
 * <p>Ids, plugin names and keys never hold a comma (their rules allow none). Part of the generated-code
 * contract since version 4 ({@link HandlerRegistry#CONTRACT_VERSION}).
 */
public final class HandlerTable {

    private static final int FIELDS = 6;

    private HandlerTable() {
    }

    /**
     * The descriptors of {@code rows}, in order, row {@code i} called as handler {@code i} of {@code dispatch}.
     *
     * @throws IllegalArgumentException naming the row, when a row is not six fields of the form above
     */
    public static List<HandlerDescriptor> describe(HandlerDispatch dispatch, String... rows) {
        Objects.requireNonNull(dispatch, "dispatch");
        HandlerDescriptor[] descriptors = new HandlerDescriptor[rows.length];
        for (int i = 0; i < rows.length; i++) {
            descriptors[i] = row(rows[i], new DispatchedCall(dispatch, i));
        }
        return List.of(descriptors);
    }

    /** {@code first} followed by {@code more}: for registers whose rows do not fit one method's bytecode. */
    public static String[] join(String[] first, String[]... more) {
        int length = first.length;
        for (String[] part : more) {
            length += part.length;
        }
        String[] rows = Arrays.copyOf(first, length);
        int at = first.length;
        for (String[] part : more) {
            System.arraycopy(part, 0, rows, at, part.length);
            at += part.length;
        }
        return rows;
    }

    private static HandlerDescriptor row(String row, HandlerCall call) {
        String[] fields = new String[FIELDS];
        int start = 0;
        for (int f = 0; f < FIELDS - 1; f++) {
            int comma = row.indexOf(',', start);
            if (comma < 0) {
                throw malformed(row);
            }
            fields[f] = row.substring(start, comma);
            start = comma + 1;
        }
        fields[FIELDS - 1] = row.substring(start);
        try {
            return HandlerDescriptor.of(fields[0], fields[1], Integer.parseInt(fields[2]),
                    HandlerDescriptor.Kind.valueOf(fields[3]), fields[4], blocking(fields[5], row), call);
        } catch (IllegalArgumentException e) { // NumberFormatException, an unknown kind, kind and key disagreeing
            throw new IllegalArgumentException(malformed(row).getMessage() + ": " + e.getMessage(), e);
        }
    }

    private static boolean blocking(String field, String row) {
        if (field.equals("true") || field.equals("false")) {
            return field.equals("true");
        }
        throw malformed(row);
    }

    private static IllegalArgumentException malformed(String row) {
        return new IllegalArgumentException("handler table row \"" + row
                + "\" is not id,plugin,order,kind,key,blocking");
    }
}
