package programs.jdk;

import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

public class TimerStatsFix {
    public static void main(String[] args) throws Exception {
        Map<String, Integer> hits = new ConcurrentHashMap<>();   // FIX
        List<Integer> reports = Collections.synchronizedList(new ArrayList<>());
        Timer timer = new Timer("stats", true);
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override public void run() {
                int total = 0;
                for (int v : hits.values()) total += v;
                reports.add(total);
            }
        }, 2, 2);
        String[] pages = {"/", "/a", "/b", "/a", "/"};
        for (String p : pages) {
            hits.merge(p, 1, Integer::sum);
            Thread.sleep(1);
        }
        timer.cancel();
        int total = 0;
        for (int v : hits.values()) total += v;
        if (total != pages.length) throw new AssertionError("counted " + total + " hits of " + pages.length);
    }
}
