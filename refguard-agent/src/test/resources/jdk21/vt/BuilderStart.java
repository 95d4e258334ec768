package vt;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two virtual threads started by a builder add to a counter with a separate read and write:
 * one update can be lost. With "fixed" they add atomically.
 */
public final class BuilderStart {

    public static void main(String[] args) throws InterruptedException {
        boolean fixed = args.length > 0;
        AtomicInteger count = new AtomicInteger();
        Runnable add = () -> {
            if (!Thread.currentThread().isVirtual()) {
                throw new AssertionError("not a virtual thread: " + Thread.currentThread());
            }
            if (fixed) {
                count.incrementAndGet();
            } else {
                int seen = count.get();
                count.set(seen + 1);
            }
        };
        Thread a = Thread.ofVirtual().name("adder-1").start(add);
        Thread b = Thread.ofVirtual().name("adder-2").start(add);
        a.join();
        b.join();
        assert count.get() == 2 : "2 additions counted as " + count.get();
    }
}
