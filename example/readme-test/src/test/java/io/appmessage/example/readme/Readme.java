package io.appmessage.example.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A README's parts, as it has them: each fenced block right after a marker comment
 * {@code <!-- quickstart:NAME -->} (or {@code <!-- quickstart:file PATH -->} for a project file); the starter's
 * README marks its blocks {@code <!-- starter:… -->}.
 */
final class Readme {

    final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> blocks = new LinkedHashMap<>();
    private final String marker;

    Readme(Path readme) throws IOException {
        this(readme, "quickstart");
    }

    /** The blocks after {@code <!-- MARKER:NAME -->} comments of that README. */
    Readme(Path readme, String marker) throws IOException {
        this.marker = marker;
        Pattern block = Pattern.compile("<!-- " + marker + ":(\\w+)(?: (\\S+))? -->\\n```[\\w-]*\\n(.*?)\\n```\\n",
                Pattern.DOTALL);
        Matcher m = block.matcher(Files.readString(readme));
        while (m.find()) {
            if (m.group(1).equals("file")) {
                files.put(m.group(2), m.group(3) + "\n");
            } else {
                blocks.put(m.group(1), m.group(3));
            }
        }
    }

    /** The block after {@code <!-- quickstart:name -->}. */
    String block(String name) {
        String text = blocks.get(name);
        if (text == null) {
            throw new AssertionError("the README has no fenced block after <!-- " + marker + ":" + name + " -->");
        }
        return text;
    }

    /** The commands of a shell block, one per line, without their {@code # comments}. */
    List<List<String>> commands(String name) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : block(name).split("\n")) {
            String command = line.replaceAll("\\s+#.*$", "").strip();
            if (!command.isEmpty() && !command.startsWith("#")) {
                commands.add(words(command));
            }
        }
        return commands;
    }

    /** Splits a command line the way a shell does for plain words and single-quoted strings. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
