package io.appmessage.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape in Prometheus text format, parsed: every sample line must read {@code name{labels} value}, every
 * comment {@code # HELP} or {@code # TYPE}; anything else fails the parse.
 */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)( \\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    final Map<String, Double> samples = new LinkedHashMap<>();
    final Map<String, String> types = new LinkedHashMap<>();
    final String text;

    private PrometheusText(String text) {
        this.text = text;
    }

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText(text);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                parsed.types.put(parts[2], parts[3]);
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# EOF")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                int end = 0;
                while (label.find() && label.start() == end) {
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                if (end != sample.group(3).length()) {
                    throw new AssertionError("labels do not parse: " + line);
                }
            }
            parsed.samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(4).replace("+Inf", "Infinity")));
        }
        return parsed;
    }

    /** The value of {@code name} with exactly {@code labels} (name, value, name, value…); fails when absent. */
    double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Double value = samples.get(key(name, wanted));
        if (value == null) {
            throw new AssertionError("no sample " + key(name, wanted) + " in the scrape:\n" + text);
        }
        return value;
    }

    /** The sum of every sample named {@code name}, whatever its labels. */
    double sum(String name) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    boolean has(String name) {
        return samples.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }

    private static String key(String name, Map<String, String> labels) {
        return labels.isEmpty() ? name : name + labels;
    }
}
