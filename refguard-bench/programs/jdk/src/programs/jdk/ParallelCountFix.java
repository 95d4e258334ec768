package programs.jdk;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public class ParallelCountFix {
    public static void main(String[] args) {
        List<String> words = List.of("a", "b", "a", "c", "b", "a", "d", "a");
        Map<String, Integer> counts = words.parallelStream()
                .collect(Collectors.toConcurrentMap(w -> w, w -> 1, Integer::sum));   // FIX
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total != words.size() || counts.get("a") != 4) throw new AssertionError("counts " + counts);
    }
}
