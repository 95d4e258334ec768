package example.jdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pools that subclass {@code ThreadPoolExecutor} for its hooks, as its documentation shows:
 * counting tasks in {@code afterExecute}, reading a submitted task's failure there, timing tasks in
 * {@code beforeExecute}, and noting the end in {@code terminated}.
 */
public final class PoolHooks {

    private PoolHooks() {}

    /** Counts finished tasks and failures, and notes when it terminated. */
    static class Audited extends ThreadPoolExecutor {
        final AtomicInteger finished = new AtomicInteger();
        final List<Throwable> failures = new ArrayList<>();
        volatile boolean ended;

        Audited() {
            super(2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        protected void afterExecute(Runnable task, Throwable thrown) {
            if (thrown == null && task instanceof Future<?> f && f.isDone()) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    thrown = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (thrown != null) {
                synchronized (failures) {
                    failures.add(thrown);
                }
            }
            finished.incrementAndGet();
        }

        @Override
        protected void terminated() {
            ended = true;
        }
    }

    /** Three tasks, one failing, on the audited pool: every hook ran when it terminated. */
    public static final class AllAudited {
        private AllAudited() {}

        public static void main(String[] args) throws InterruptedException {
            Audited pool = new Audited();
            ExecutorService service = pool; // calls typed by the interface take the same route
            service.execute(() -> {});
            pool.submit(
                    () -> {
                        throw new IllegalStateException("disk full");
                    });
            service.submit(() -> 1);
            service.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                throw new AssertionError("not terminated");
            }
            synchronized (pool.failures) {
                if (pool.finished.get() != 3 || pool.failures.size() != 1 || !pool.ended) {
                    throw new AssertionError(
                            pool.finished
                                    + " finished, failures "
                                    + pool.failures
                                    + ", terminated() ran: "
                                    + pool.ended);
                }
            }
        }
    }

    /** Times tasks in a plain map from both workers: the race is reported. */
    public static final class SharedTimings {
        private SharedTimings() {}

        public static void main(String[] args) throws InterruptedException {
            Map<Runnable, Long> started = new HashMap<>();
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(
                            2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>()) {
                        @Override
                        protected void beforeExecute(Thread worker, Runnable task) {
                            started.put(task, System.nanoTime()); // two workers, no lock
                        }
                    };
            pool.execute(() -> {});
            pool.execute(() -> {});
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.SECONDS);
        }
    }

    /**
     * A pool that carries the submitting thread's request id to the worker: it overrides {@code
     * execute} to wrap the task and calls {@code super.execute}; {@code submit} goes through it.
     */
    public static final class ContextCarried {
        private ContextCarried() {}

        static final ThreadLocal<String> REQUEST = new ThreadLocal<>();

        public static void main(String[] args) throws Exception {
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(
                            2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>()) {
                        @Override
                        public void execute(Runnable task) {
                            String id = REQUEST.get();
                            super.execute(
                                    () -> {
                                        REQUEST.set(id);
                                        try {
                                            task.run();
                                        } finally {
                                            REQUEST.remove();
                                        }
                                    });
                        }
                    };
            REQUEST.set("req-1");
            Future<String> seen = pool.submit(REQUEST::get);
            AtomicInteger matched = new AtomicInteger();
            pool.execute(
                    () -> {
                        if ("req-1".equals(REQUEST.get())) {
                            matched.incrementAndGet();
                        }
                    });
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                throw new AssertionError("not terminated");
            }
            if (!"req-1".equals(seen.get()) || matched.get() != 1) {
                throw new AssertionError("the worker saw " + seen.get() + ", " + matched);
            }
        }
    }
}
