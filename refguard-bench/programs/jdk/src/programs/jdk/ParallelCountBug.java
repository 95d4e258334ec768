package programs.jdk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Word counts with a parallel stream. */
public class ParallelCountBug {
    public static void main(String[] args) {
        List<String> words = List.of("a", "b", "a", "c", "b", "a", "d", "a");
        Map<String, Integer> counts = new HashMap<>();
        words.parallelStream().forEach(w -> counts.merge(w, 1, Integer::sum));   // BUG: HashMap from many threads
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total != words.size() || counts.get("a") != 4) throw new AssertionError("counts " + counts);
    }
}
