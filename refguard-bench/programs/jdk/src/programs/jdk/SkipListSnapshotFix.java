package programs.jdk;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class SkipListSnapshotFix {
    public static void main(String[] args) throws Exception {
        ConcurrentSkipListMap<Integer, Integer> book = new ConcurrentSkipListMap<>();
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();   // FIX: a move and a scan exclude each other
        book.put(50, 5);
        book.put(60, 1);
        book.put(100, 10);
        Thread repricer = new Thread(() -> {
            rw.writeLock().lock();
            try {
                int qty = book.get(100);
                book.put(55, qty);
                book.remove(100);
            } finally {
                rw.writeLock().unlock();
            }
        }, "repricer");
        int[] seen = new int[1];
        Thread risk = new Thread(() -> {
            int total = 0;
            rw.readLock().lock();
            try {
                for (int q : book.values()) total += q;
            } finally {
                rw.readLock().unlock();
            }
            seen[0] = total;
        }, "risk");
        repricer.start();
        risk.start();
        repricer.join();
        risk.join();
        if (seen[0] < 16) throw new AssertionError("risk saw liquidity " + seen[0] + " < 16");
    }
}
