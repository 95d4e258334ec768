package vt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks on a virtual-thread-per-task executor, on a thread-per-task executor with a virtual
 * builder's factory, and on a fixed pool with a static virtual factory each add to a counter with
 * a separate read and write. With "fixed" they add
 * atomically. Both executors are closed (waiting for their tasks) before the check.
 */
public final class PerTaskExecutor {

    /** Made in the class initializer, which the agent leaves alone: the JDK's own factory. */
    private static final ThreadFactory STATIC = Thread.ofVirtual().name("static-", 1).factory();

    public static void main(String[] args) {
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
        ThreadFactory named = Thread.ofVirtual().name("task-", 1).factory();
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor();
                ExecutorService withFactory = Executors.newThreadPerTaskExecutor(named);
                ExecutorService withStatic = Executors.newFixedThreadPool(1, STATIC)) {
            perTask.submit(add);
            withFactory.submit(add);
            withStatic.submit(add);
        }
        assert count.get() == 3 : "3 additions counted as " + count.get();
    }
}
