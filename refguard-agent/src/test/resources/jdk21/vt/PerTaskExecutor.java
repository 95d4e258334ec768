package vt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks on a virtual-thread-per-task executor and on a thread-per-task executor with a virtual
 * builder's factory each add to a counter with a separate read and write. With "fixed" they add
 * atomically. Both executors are closed (waiting for their tasks) before the check.
 */
public final class PerTaskExecutor {

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
                ExecutorService withFactory = Executors.newThreadPerTaskExecutor(named)) {
            perTask.submit(add);
            withFactory.submit(add);
        }
        assert count.get() == 2 : "2 additions counted as " + count.get();
    }
}
