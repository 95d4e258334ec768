package io.refguard.agent.bridge;

/**
 * Which {@code Executors} factory method created an executor; see {@link
 * SyncInterceptor#newExecutor}.
 */
public enum ExecutorKind {
    /** {@code newFixedThreadPool(n)}: at most {@code n} threads, an unbounded queue. */
    FIXED,
    /**
     * {@code newCachedThreadPool()}: a thread per task when none is idle, idle threads time out.
     */
    CACHED,
    /** {@code newSingleThreadExecutor()}: one thread, tasks run in submission order. */
    SINGLE,
    /**
     * {@code newVirtualThreadPerTaskExecutor()}, {@code newThreadPerTaskExecutor(factory)} (JDK
     * 21+): a new thread from the factory for every task, never reused.
     */
    PER_TASK,
    /**
     * {@code newScheduledThreadPool(n)}: {@code n} threads, a {@code ScheduledThreadPoolExecutor}.
     */
    SCHEDULED,
    /**
     * {@code newSingleThreadScheduledExecutor()}: one thread, behind a wrapper that is a {@code
     * ScheduledExecutorService} but no {@code ScheduledThreadPoolExecutor}.
     */
    SINGLE_SCHEDULED
}
