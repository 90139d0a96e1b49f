package io.appmessage.benchmarks.gc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a unified GC log ({@code -Xlog:gc:file=gc.log}) and reports the number of pauses and the
 * longest one.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.gc.GcPauses gc.log
 * // RESULT pauses=12 max_pause_ms=3.412 total_pause_ms=20.1
 * }</pre>
 */
public final class GcPauses {

    /** "[1.234s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(64M) 1.234ms" */
    private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.*?([0-9]+(?:\\.[0-9]+)?)ms\\s*$");

    private GcPauses() {
    }

    public record Summary(int pauses, double maxMillis, double totalMillis) {
        public String resultLine() {
            return String.format(Locale.ROOT, "RESULT pauses=%d max_pause_ms=%.3f total_pause_ms=%.3f", pauses, maxMillis, totalMillis);
        }
    }

    public static Summary summarize(List<String> lines) {
        int pauses = 0;
        double max = 0;
        double total = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                double ms = Double.parseDouble(m.group(1));
                pauses++;
                total += ms;
                max = Math.max(max, ms);
            }
        }
        return new Summary(pauses, max, total);
    }

    public static void main(String[] args) throws IOException {
        System.out.println(summarize(Files.readAllLines(Path.of(args[0]))).resultLine());
    }
}
