package example.corpus;

import java.util.concurrent.Callable;

/** Volatile instance and static fields, one long; a plain field for the plain-fields option. */
public class VolatileFields implements Callable<Object> {
    volatile int count;
    volatile long total;
    static volatile String label = "start";
    int plain;

    @Override
    public Object call() {
        count = 1; // site: write-count
        total = 5L; // site: write-total
        int c = count; // site: read-count
        long t = total; // site: read-total
        label = "end"; // site: write-label
        plain = 7; // site: write-plain
        return c + ":" + t + ":" + label + ":" + plain; // site: read-label
    }
}
