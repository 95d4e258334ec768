package io.refguard.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The line numbers of {@code // site: name} markers in a corpus source file, so tests compare the
 * lines the instrumenter recorded with lines read from the source, not with constants.
 */
public final class SourceMarkers {

    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();

    private SourceMarkers(String file, List<String> source) {
        this.file = file;
        for (int k = 0; k < source.size(); k++) {
            String text = source.get(k);
            int at = text.indexOf("// site: ");
            if (at >= 0) {
                String name = text.substring(at + "// site: ".length()).trim();
                if (lines.put(name, k + 1) != null) {
                    throw new IllegalStateException("marker " + name + " twice in " + file);
                }
            }
        }
    }

    /**
     * Markers of the corpus class {@code c} (its top-level class's source file), read from {@code
     * src/test/java}.
     */
    public static SourceMarkers of(Class<?> c) {
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path path = Path.of("src/test/java", top.getName().replace('.', '/') + ".java");
        try {
            return new SourceMarkers(path.toString(), Files.readAllLines(path));
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests from the refguard-agent directory", e);
        }
    }

    /** The line of marker {@code name}. */
    public int line(String marker) {
        Integer line = lines.get(marker);
        if (line == null) {
            throw new IllegalArgumentException("no marker '// site: " + marker + "' in " + file);
        }
        return line;
    }

    /** The lines of all markers whose name starts with {@code prefix}. */
    public Set<Integer> linesStartingWith(String prefix) {
        Set<Integer> found = new TreeSet<>();
        lines.forEach(
                (name, line) -> {
                    if (name.startsWith(prefix)) {
                        found.add(line);
                    }
                });
        return found;
    }
}
