/*
 * Writes handler sources for the benchmarks, so nobody types 100 (or 1,000) handlers by hand.
 * A single-file program: run it with `java scripts/HandlerSources.java ...` (JDK 11+), no build needed.
 *
 *   java scripts/HandlerSources.java dispatch src/main/java
 *       the 100 handlers of the JMH dispatch benchmark and their hand-written direct calls
 *       (output is committed; re-run only to change the handlers)
 *   java scripts/HandlerSources.java compile <dir> <methods>
 *       <methods> handler methods (10 per class, mixed forms) for the compile-time benchmark
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class HandlerSources {

    static final int DISPATCH_HANDLERS = 100;
    static final String DISPATCH_PACKAGE = "io.appmessage.benchmarks.dispatch.handlers";
    /** The first dispatch handler's order: after the module's shop handlers (orders 0 to 9), so the
     *  100 dispatch handlers are consecutive in the generated register, as one app's handlers are. */
    static final int DISPATCH_ORDER = 100;

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("dispatch")) {
            writeDispatch(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("compile")) {
            writeCompile(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: HandlerSources dispatch <srcRoot> | compile <dir> <methods>");
            System.exit(2);
        }
    }

    // ---- dispatch benchmark -------------------------------------------------------------------

    static void writeDispatch(Path srcRoot) throws IOException {
        Path dir = srcRoot.resolve(DISPATCH_PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        for (int i = 0; i < DISPATCH_HANDLERS; i++) {
            write(dir.resolve(handlerName(i) + ".java"), dispatchHandler(i));
        }
        write(dir.resolve("DirectCalls.java"), directCalls());
        write(dir.resolve("HandlerObjects.java"), handlerObjects());
    }

    static String handlerName(int i) {
        return String.format("DispatchHandler%03d", i);
    }

    static String dispatchHandler(int i) {
        String n = String.format("%03d", i);
        // One method carries every variant's marker, so that all variants call the very same code:
        // @OnAppMessageRequest for the processor, @Subscribe for Guava, @ScannedHandler for the
        // reflective "scan then Method.invoke" variant.
        return "package " + DISPATCH_PACKAGE + ";\n\n"
                + "import com.google.common.eventbus.AllowConcurrentEvents;\n"
                + "import com.google.common.eventbus.Subscribe;\n"
                + "import io.appmessage.AppMessage;\n"
                + "import io.appmessage.OnAppMessageRequest;\n"
                + "import io.appmessage.benchmarks.scan.ScannedHandler;\n\n"
                + "/** Dispatch benchmark handler " + i + " of " + DISPATCH_HANDLERS
                + " (written by scripts/HandlerSources.java; do not edit). */\n"
                + "public final class " + handlerName(i) + " {\n\n"
                + "    @OnAppMessageRequest(order = " + (DISPATCH_ORDER + i) + ")\n"
                + "    @ScannedHandler\n"
                + "    @Subscribe\n"
                + "    @AllowConcurrentEvents\n"
                + "    public void handle(AppMessage message) {\n"
                + "        message.push(\"key_" + n + "\", \"value " + n + "\");\n"
                + "    }\n"
                + "}\n";
    }

    static String directCalls() {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(DISPATCH_PACKAGE).append(";\n\n")
         .append("import io.appmessage.AppMessage;\n\n")
         .append("/**\n")
         .append(" * The floor of the dispatch benchmark: the handlers called one after the other, as a person\n")
         .append(" * would write it by hand (written by scripts/HandlerSources.java; do not edit).\n")
         .append(" */\n")
         .append("public final class DirectCalls {\n\n");
        for (int i = 0; i < DISPATCH_HANDLERS; i++) {
            s.append(String.format("    private final %s h%03d = new %s();%n", handlerName(i), i, handlerName(i)));
        }
        for (int count : new int[] {1, 10, 100}) {
            s.append("\n    /** Calls the first ").append(count).append(" handler(s). */\n")
             .append("    public void poll").append(count).append("(AppMessage message) {\n");
            for (int i = 0; i < count; i++) {
                s.append(String.format("        h%03d.handle(message);%n", i));
            }
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    /** One object of every handler class, for the variants that register objects (EventBus, reflective). */
    static String handlerObjects() {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(DISPATCH_PACKAGE).append(";\n\n")
         .append("import java.util.List;\n\n")
         .append("/**\n")
         .append(" * The dispatch benchmark's handlers as objects, for the variants that register objects rather than\n")
         .append(" * call methods (written by scripts/HandlerSources.java; do not edit).\n")
         .append(" */\n")
         .append("public final class HandlerObjects {\n\n")
         .append("    private HandlerObjects() {\n    }\n")
         .append("\n    /** New objects of all ").append(DISPATCH_HANDLERS)
         .append(" handler classes, in order, for the EventBus and reflective variants. */\n")
         .append("    public static List<Object> newHandlers() {\n")
         .append("        return List.of(\n");
        for (int i = 0; i < DISPATCH_HANDLERS; i++) {
            s.append("                new ").append(handlerName(i)).append("()")
             .append(i + 1 < DISPATCH_HANDLERS ? ",\n" : ");\n");
        }
        s.append("    }\n}\n");
        return s.toString();
    }

    // ---- compile-time benchmark ---------------------------------------------------------------

    static void writeCompile(Path dir, int methods) throws IOException {
        Path pkg = dir.resolve("bench/compile");
        Files.createDirectories(pkg);
        int classes = (methods + 9) / 10;
        int written = 0;
        for (int c = 0; c < classes; c++) {
            int inClass = Math.min(10, methods - written);
            write(pkg.resolve(String.format("Handlers%04d.java", c)), compileClass(c, inClass));
            written += inClass;
        }
    }

    /** A class of mixed handler forms, like an app's: imperative, keyed values, and a record result. */
    static String compileClass(int c, int methods) {
        String cls = String.format("Handlers%04d", c);
        StringBuilder s = new StringBuilder();
        s.append("package bench.compile;\n\n")
         .append("import io.appmessage.AppMessage;\n")
         .append("import io.appmessage.AppMessageRequest;\n")
         .append("import io.appmessage.OnAppMessageRequest;\n")
         .append("import java.util.List;\n")
         .append("import java.util.Map;\n\n")
         .append("public final class ").append(cls).append(" {\n\n")
         .append("    public record Item(String name, int count, List<String> tags) {}\n");
        for (int m = 0; m < methods; m++) {
            String key = String.format("k%04d_%d", c, m);
            switch (m % 4) {
                case 0 -> s.append("\n    @OnAppMessageRequest\n")
                        .append("    public static void m").append(m).append("(AppMessage message) {\n")
                        .append("        message.push(\"").append(key).append("\", \"v").append(m).append("\");\n")
                        .append("    }\n");
                case 1 -> s.append("\n    @OnAppMessageRequest(\"").append(key).append("\")\n")
                        .append("    public String m").append(m).append("(AppMessageRequest request) {\n")
                        .append("        return request.userId().orElse(\"anonymous\");\n")
                        .append("    }\n");
                case 2 -> s.append("\n    @OnAppMessageRequest(\"").append(key).append("\")\n")
                        .append("    public Map<String, Object> m").append(m).append("() {\n")
                        .append("        return Map.of(\"n\", ").append(m).append(");\n")
                        .append("    }\n");
                default -> s.append("\n    @OnAppMessageRequest(value = \"").append(key).append("\", order = ").append(m).append(")\n")
                        .append("    public Item m").append(m).append("(AppMessageRequest request, AppMessage message) {\n")
                        .append("        return new Item(\"").append(key).append("\", ").append(m).append(", List.of(\"a\"));\n")
                        .append("    }\n");
            }
        }
        s.append("}\n");
        return s.toString();
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
