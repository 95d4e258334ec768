package programs.jdk;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An order book keyed by price. Repricing inserts the new level before removing the old one, so the
 * author believed a reader can over-count liquidity but never under-count it. Iteration of a
 * ConcurrentSkipListMap is only weakly consistent, so it can miss both levels.
 */
public class SkipListSnapshotBug {
    public static void main(String[] args) throws Exception {
        ConcurrentSkipListMap<Integer, Integer> book = new ConcurrentSkipListMap<>();
        book.put(50, 5);
        book.put(60, 1);
        book.put(100, 10);
        Thread repricer = new Thread(() -> {
            int qty = book.get(100);
            book.put(55, qty);       // new level first ...
            book.remove(100);        // ... then the old one
        }, "repricer");
        int[] seen = new int[1];
        Thread risk = new Thread(() -> {
            int total = 0;
            for (int q : book.values()) total += q;   // BUG: treated as a snapshot
            seen[0] = total;
        }, "risk");
        repricer.start();
        risk.start();
        repricer.join();
        risk.join();
        if (seen[0] < 16) throw new AssertionError("risk saw liquidity " + seen[0] + " < 16");
    }
}
