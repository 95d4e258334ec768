package example.jdk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A parallel stream counts words into a {@code ConcurrentHashMap} with {@code getOrDefault} then
 * {@code put} in its {@code forEach}: each call is atomic, the pair is not, and a count is lost.
 * The fix counts with {@code merge}. {@link Collected} lets the stream itself collect, with {@code
 * Collectors.groupingBy} and {@code toList}, which needs no shared map at all.
 */
public final class ParallelWordCount {

    static final List<String> WORDS = List.of("lamp", "lamp", "desk");

    static void check(Map<String, ?> counts) {
        if (!String.valueOf(counts.get("lamp")).equals("2")) {
            throw new AssertionError("counted " + counts.get("lamp") + " lamps, expected 2");
        }
    }

    private ParallelWordCount() {}

    public static void main(String[] args) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        WORDS.parallelStream().forEach(w -> counts.put(w, counts.getOrDefault(w, 0) + 1));
        check(counts);
    }

    /** The fix: {@code merge}, one atomic update. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            Map<String, Integer> counts = new ConcurrentHashMap<>();
            WORDS.parallelStream().forEach(w -> counts.merge(w, 1, Integer::sum));
            check(counts);
        }
    }

    /** The stream collects: a container per piece, combined in encounter order. */
    public static final class Collected {
        private Collected() {}

        public static void main(String[] args) {
            Map<String, Long> counts =
                    WORDS.parallelStream()
                            .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
            check(counts);
            List<String> upper =
                    WORDS.parallelStream().map(String::toUpperCase).collect(Collectors.toList());
            if (!upper.equals(List.of("LAMP", "LAMP", "DESK"))) {
                throw new AssertionError("collected " + upper);
            }
        }
    }
}
