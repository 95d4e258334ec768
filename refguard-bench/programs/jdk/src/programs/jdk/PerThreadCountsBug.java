package programs.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.*;

/** Each pool worker counts into its own HashMap (a ThreadLocal); the maps are merged at the end. */
public class PerThreadCountsBug {
    public static void main(String[] args) throws Exception {
        Queue<Map<String, Integer>> all = new ConcurrentLinkedQueue<>();
        ThreadLocal<Map<String, Integer>> local = ThreadLocal.withInitial(() -> {
            Map<String, Integer> m = new HashMap<>();
            all.add(m);
            return m;
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        String[] events = {"click", "view", "click", "buy", "view", "click"};
        for (String e : events) pool.execute(() -> local.get().merge(e, 1, Integer::sum));
        pool.shutdown();                       // BUG: merging without awaitTermination
        Map<String, Integer> total = new HashMap<>();
        for (Map<String, Integer> m : all) m.forEach((k, v) -> total.merge(k, v, Integer::sum));
        int n = total.values().stream().mapToInt(Integer::intValue).sum();
        if (n != events.length) throw new AssertionError("merged " + n + " of " + events.length + " events: " + total);
    }
}
