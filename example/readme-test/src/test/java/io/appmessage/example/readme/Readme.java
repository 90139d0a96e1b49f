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
 * The quick start's parts, as README.md has them: each fenced block right after a marker comment
 * {@code <!-- quickstart:NAME -->} (or {@code <!-- quickstart:file PATH -->} for a project file).
 */
final class Readme {

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- quickstart:(\\w+)(?: (\\S+))? -->\\n```[\\w-]*\\n(.*?)\\n```\\n", Pattern.DOTALL);

    final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> blocks = new LinkedHashMap<>();

    Readme(Path readme) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(readme));
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
            throw new AssertionError("README.md has no fenced block after <!-- quickstart:" + name + " -->");
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
