package example.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Program code the JDK runs on the calling thread while it holds no lock: a {@code FutureTask} the
 * program runs itself, and the actions a {@code CompletableFuture} runs inline when it is completed
 * or already complete. Two threads' actions add to one counter by reading, then setting: a lost
 * update, unless {@code fixed} makes them add atomically.
 */
public final class InlineCallbacks {

    private InlineCallbacks() {}

    static void add(AtomicInteger counter, boolean fixed) {
        if (fixed) {
            counter.incrementAndGet();
        } else {
            int seen = counter.get();
            counter.set(seen + 1);
        }
    }

    static void runBoth(Runnable action) throws InterruptedException {
        Thread a = new Thread(action);
        Thread b = new Thread(action);
        a.start();
        b.start();
        a.join();
        b.join();
    }

    static void check(AtomicInteger counter) {
        if (counter.get() != 2) {
            throw new AssertionError("2 additions counted as " + counter.get());
        }
    }

    /** Each thread runs a task of its own with {@code run()}, where it made it. */
    public static final class TaskRunHere {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            runBoth(
                    () ->
                            new FutureTask<Void>(
                                            () -> {
                                                add(counter, fixed);
                                                return null;
                                            })
                                    .run());
            check(counter);
        }
    }

    /** Each thread adds an action to a future that is already complete: it runs at once. */
    public static final class ActionOnCompleted {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
            runBoth(() -> done.thenRun(() -> add(counter, fixed)));
            check(counter);
        }
    }

    /** Each thread completes a future of its own, whose action then runs on that thread. */
    public static final class ActionOnComplete {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            AtomicInteger next = new AtomicInteger();
            CompletableFuture<?>[] futures = {new CompletableFuture<>(), new CompletableFuture<>()};
            for (CompletableFuture<?> f : futures) {
                f.thenRun(() -> add(counter, fixed));
            }
            runBoth(() -> futures[next.getAndIncrement()].complete(null));
            check(counter);
        }
    }
}
