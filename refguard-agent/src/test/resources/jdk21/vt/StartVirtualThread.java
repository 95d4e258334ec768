package vt;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two buyers on unnamed virtual threads ({@code Thread.startVirtualThread}) each check that a
 * ticket is left, then take it: both can pass the check. With "fixed" check and take are one
 * compare-and-set.
 */
public final class StartVirtualThread {

    public static void main(String[] args) throws InterruptedException {
        boolean fixed = args.length > 0;
        AtomicInteger sold = new AtomicInteger();
        Runnable buy = () -> {
            if (fixed) {
                int n = sold.get();
                while (n < 1 && !sold.compareAndSet(n, n + 1)) {
                    n = sold.get();
                }
            } else if (sold.get() < 1) {
                sold.incrementAndGet();
            }
        };
        Thread a = Thread.startVirtualThread(buy);
        Thread b = Thread.startVirtualThread(buy);
        a.join();
        b.join();
        assert sold.get() <= 1 : "sold " + sold.get() + " tickets, limit 1";
    }
}
