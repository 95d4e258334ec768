package vt;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A virtual thread made unstarted and started later, and a platform thread from a platform
 * builder, add to a counter with a separate read and write: one update can be lost. With "fixed"
 * they add atomically. Each thread also checks what it is and what id it has.
 */
public final class Unstarted {

    public static void main(String[] args) throws InterruptedException {
        boolean fixed = args.length > 0;
        AtomicInteger count = new AtomicInteger();
        Runnable add = () -> {
            if (fixed) {
                count.incrementAndGet();
            } else {
                int seen = count.get();
                count.set(seen + 1);
            }
        };
        Thread virtual = Thread.ofVirtual().name("later").unstarted(() -> {
            assert Thread.currentThread().isVirtual() : "later is not virtual";
            add.run();
        });
        Thread platform = Thread.ofPlatform().name("platform").start(() -> {
            assert !Thread.currentThread().isVirtual() : "platform is virtual";
            add.run();
        });
        long id = virtual.threadId();
        virtual.start();
        virtual.join();
        platform.join();
        assert id == 3 && platform.threadId() == 2 : "ids " + platform.threadId() + ", " + id;
        assert count.get() == 2 : "2 additions counted as " + count.get();
    }
}
