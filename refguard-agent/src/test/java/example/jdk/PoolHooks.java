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

    /** A scheduled pool that counts decorated and finished tasks, and notes its end: correct. */
    public static final class ScheduledAudited {
        private ScheduledAudited() {}

        public static void main(String[] args) throws Exception {
            AtomicInteger decorated = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            boolean[] ended = new boolean[1];
            java.util.concurrent.ScheduledThreadPoolExecutor pool =
                    new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
                        @Override
                        protected <V> java.util.concurrent.RunnableScheduledFuture<V> decorateTask(
                                Runnable task,
                                java.util.concurrent.RunnableScheduledFuture<V> future) {
                            decorated.incrementAndGet();
                            return future;
                        }

                        @Override
                        protected void afterExecute(Runnable task, Throwable thrown) {
                            finished.incrementAndGet();
                        }

                        @Override
                        protected void terminated() {
                            ended[0] = true;
                        }
                    };
            pool.schedule(() -> {}, 5, TimeUnit.MILLISECONDS).get();
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                throw new AssertionError("not terminated");
            }
            if (decorated.get() != 1 || finished.get() != 1 || !ended[0]) {
                throw new AssertionError(
                        decorated + " decorated, " + finished + " finished, ended " + ended[0]);
            }
        }
    }

    /** A scheduled task wrapped to trace its runs, delegating everything else. */
    static final class Traced<V> implements java.util.concurrent.RunnableScheduledFuture<V> {
        private final java.util.concurrent.RunnableScheduledFuture<V> task;

        Traced(java.util.concurrent.RunnableScheduledFuture<V> task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run(); // a tracing span would start and end around this
        }

        @Override
        public boolean isPeriodic() {
            return task.isPeriodic();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return task.getDelay(unit);
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return task.compareTo(other);
        }

        @Override
        public boolean cancel(boolean interrupt) {
            return task.cancel(interrupt);
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            return task.get();
        }

        @Override
        public V get(long timeout, TimeUnit unit)
                throws InterruptedException,
                        ExecutionException,
                        java.util.concurrent.TimeoutException {
            return task.get(timeout, unit);
        }
    }

    /** A scheduled pool whose decorateTask wraps the task: the model cannot run the wrapper. */
    public static final class ScheduledWrapped {
        private ScheduledWrapped() {}

        public static void main(String[] args) throws Exception {
            java.util.concurrent.ScheduledThreadPoolExecutor pool =
                    new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
                        @Override
                        protected <V> java.util.concurrent.RunnableScheduledFuture<V> decorateTask(
                                Runnable task,
                                java.util.concurrent.RunnableScheduledFuture<V> future) {
                            return new Traced<>(future);
                        }
                    };
            pool.schedule(() -> {}, 5, TimeUnit.MILLISECONDS);
            pool.shutdown();
        }
    }
}
