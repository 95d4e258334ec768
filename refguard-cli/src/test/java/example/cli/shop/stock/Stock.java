package example.cli.shop.stock;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Units in stock per item, in a package of its own. {@link #reserve} takes one unit when there is
 * one: as a read and a separate write when {@code careful} is false (two reservations of the same
 * item can both read the same count, and one unit is sold twice), or as one {@code
 * computeIfPresent} when it is true.
 */
public final class Stock {

    private final ConcurrentHashMap<String, Integer> units = new ConcurrentHashMap<>();
    private final AtomicLong reserved = new AtomicLong();
    private final ReentrantReadWriteLock audit = new ReentrantReadWriteLock();
    private long audited;
    private final boolean careful;

    public Stock(boolean careful) {
        this.careful = careful;
    }

    public void add(String item, int count) {
        units.merge(item, count, Integer::sum);
    }

    /** Takes one unit of {@code item}; false when none is left. */
    public boolean reserve(String item) {
        boolean taken;
        if (careful) {
            boolean[] took = new boolean[1];
            units.computeIfPresent(
                    item,
                    (k, n) -> {
                        took[0] = n > 0;
                        return n > 0 ? n - 1 : n;
                    });
            taken = took[0];
        } else {
            Integer n = units.get(item);
            taken = n != null && n > 0;
            if (taken) {
                units.put(item, n - 1);
            }
        }
        if (taken) {
            reserved.incrementAndGet();
            audit.writeLock().lock();
            try {
                audited++;
            } finally {
                audit.writeLock().unlock();
            }
        }
        return taken;
    }

    public int left(String item) {
        return units.getOrDefault(item, 0);
    }

    public long reserved() {
        audit.readLock().lock();
        try {
            return reserved.get() == audited ? audited : -1;
        } finally {
            audit.readLock().unlock();
        }
    }
}
