package io.appmessage.benchmarks.json;

import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comparison for the JSON benchmark: the same envelope written by jackson-databind, which
 * finds records' components by reflection (snake_case names, like the generated writer).
 *
 * <pre>{@code
 * byte[] json = new DatabindEnvelopeWriter().write(data);
 * }</pre>
 */
public final class DatabindEnvelopeWriter {

    /** The envelope as databind sees it; the field order is the wire order. */
    public record Envelope(int code, String msg, Map<String, ?> data) {
    }

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    public byte[] write(Map<String, ?> data) {
        return mapper.writeValueAsBytes(new Envelope(0, "", data.isEmpty() ? null : data));
    }
}
