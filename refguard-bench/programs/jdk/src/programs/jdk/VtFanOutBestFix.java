package programs.jdk;

import java.util.ArrayList;
import java.util.List;

/** Fan out to 8 mirrors on virtual threads, join them all, keep the fastest. */
public class VtFanOutBestFix {
    static String best;
    static int bestLatency = Integer.MAX_VALUE;

    static synchronized void offer(String mirror, int latency) {
        if (latency < bestLatency) {            // FIX: the method is synchronized
            bestLatency = latency;
            best = mirror;
        }
    }

    public static void main(String[] args) throws Exception {
        int[] latencies = {40, 25, 31, 12, 50, 18, 27, 33};
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++) {
            String mirror = "mirror-" + i;
            int lat = latencies[i];
            threads.add(Thread.ofVirtual().start(() -> offer(mirror, lat)));
        }
        for (Thread t : threads) t.join();
        if (!"mirror-3".equals(best) || bestLatency != 12)
            throw new AssertionError("picked " + best + " at " + bestLatency + " ms");
    }
}
