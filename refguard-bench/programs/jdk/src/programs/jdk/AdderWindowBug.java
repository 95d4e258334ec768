package programs.jdk;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Requests count hits in a LongAdder; a reporter publishes and resets the count per window. */
public class AdderWindowBug {
    public static void main(String[] args) throws Exception {
        LongAdder hits = new LongAdder();
        AtomicLong published = new AtomicLong();
        Runnable requests = () -> { for (int i = 0; i < 3; i++) hits.increment(); };
        Thread r1 = new Thread(requests, "req-1"), r2 = new Thread(requests, "req-2");
        Thread reporter = new Thread(() -> {
            for (int w = 0; w < 2; w++) {
                long n = hits.sum();                  // BUG: sum() then reset() drops increments in between
                hits.reset();
                published.addAndGet(n);
            }
        }, "reporter");
        r1.start(); r2.start(); reporter.start();
        r1.join(); r2.join(); reporter.join();
        published.addAndGet(hits.sum());              // final window
        if (published.get() != 6) throw new AssertionError("published " + published.get() + " hits of 6");
    }
}
