package io.refguard.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Entry points that replace {@link Thread} call sites and supply thread factories to executors
 * created in instrumented code. Same contract as {@link LockBridge}: the original call when no
 * installed {@link SyncInterceptor} manages the calling thread. Public only so injected code can
 * call it.
 */
public final class ThreadBridge {

    private ThreadBridge() {}

    /**
     * Replaces {@code System.exit(status)}: on a thread under exploration the run ends, as a pass
     * for status 0 and else with a report saying who exited where ({@link ProgramExit}), and the
     * JVM goes on; elsewhere the JVM exits.
     */
    public static void exit(int status, int site) {
        if (SyncBridge.managing() != null) {
            throw new ProgramExit("System.exit", status, site);
        }
        System.exit(status);
    }

    /** Replaces {@code runtime.exit(status)}; see {@link #exit(int, int)}. */
    public static void exit(Runtime runtime, int status, int site) {
        if (SyncBridge.managing() != null) {
            throw new ProgramExit("Runtime.exit", status, site);
        }
        runtime.exit(status);
    }

    /** Replaces {@code runtime.halt(status)}; see {@link #exit(int, int)}. */
    public static void halt(Runtime runtime, int status, int site) {
        if (SyncBridge.managing() != null) {
            throw new ProgramExit("Runtime.halt", status, site);
        }
        runtime.halt(status);
    }

    /** Replaces {@code thread.start()} (also on subclasses of {@code Thread}). */
    public static void start(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            thread.start();
        } else {
            i.threadStart(thread, site);
        }
    }

    /** Replaces {@code thread.join()}. */
    public static void join(Thread thread, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            thread.join();
        } else {
            i.threadJoin(thread, 0L, 0, site);
        }
    }

    /** Replaces {@code thread.join(millis)}. */
    public static void join(Thread thread, long millis, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            thread.join(millis);
        } else {
            if (millis < 0) {
                throw new IllegalArgumentException("timeout value is negative");
            }
            i.threadJoin(thread, millis, 0, site);
        }
    }

    /** Replaces {@code thread.join(millis, nanos)}. */
    public static void join(Thread thread, long millis, int nanos, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            thread.join(millis, nanos);
        } else {
            if (millis < 0 || nanos < 0 || nanos > 999_999) {
                throw new IllegalArgumentException("timeout or nanosecond value out of range");
            }
            i.threadJoin(thread, millis, nanos, site);
        }
    }

    /**
     * Replaces {@code thread.join(duration)} (JDK 19+): waits as {@link #join(Thread, long, int,
     * int)} for at most the duration (not at all when it is zero or negative), then answers whether
     * the thread has finished; a thread never started throws, as the JDK's method does.
     */
    public static boolean join(Thread thread, Duration duration, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return (boolean) Jdk19.call(Jdk19.JOIN, thread, duration);
        }
        if (!i.threadStarted(thread, site)) {
            throw new IllegalThreadStateException("Thread not started");
        }
        long nanos = TimeUnit.NANOSECONDS.convert(duration);
        if (nanos > 0) {
            i.threadJoin(
                    thread, TimeUnit.NANOSECONDS.toMillis(nanos), (int) (nanos % 1_000_000), site);
        }
        return !i.threadIsAlive(thread, site);
    }

    /**
     * Replaces {@code Thread.sleep(duration)} (JDK 19+): sleeps as {@link #sleep(long, int, int)};
     * a negative duration does not sleep, as in the JDK.
     */
    public static void sleep(Duration duration, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            Jdk19.call(Jdk19.SLEEP, duration);
            return;
        }
        long nanos = TimeUnit.NANOSECONDS.convert(duration);
        i.threadSleep(
                TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos)),
                (int) (Math.max(0, nanos) % 1_000_000),
                site);
    }

    /**
     * The JDK 19+ methods of {@code Thread} that take a {@code Duration}, looked up when first
     * called: the agent is built for JDK 17, and only code compiled for a newer JDK calls them.
     */
    private static final class Jdk19 {
        static final MethodHandle JOIN =
                find(false, "join", MethodType.methodType(boolean.class, Duration.class));
        static final MethodHandle SLEEP =
                find(true, "sleep", MethodType.methodType(void.class, Duration.class));

        private static MethodHandle find(boolean isStatic, String name, MethodType type) {
            try {
                MethodHandles.Lookup l = MethodHandles.publicLookup();
                return isStatic
                        ? l.findStatic(Thread.class, name, type)
                        : l.findVirtual(Thread.class, name, type);
            } catch (ReflectiveOperationException e) {
                return null; // JDK 17 and 18: no caller exists there
            }
        }

        static Object call(MethodHandle h, Object... args) throws InterruptedException {
            try {
                return h.invokeWithArguments(args);
            } catch (InterruptedException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Replaces {@code thread.interrupt()}. */
    public static void interrupt(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            thread.interrupt();
        } else {
            i.threadInterrupt(thread, site);
        }
    }

    /** Replaces {@code thread.isInterrupted()}. */
    public static boolean isInterrupted(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? thread.isInterrupted() : i.threadIsInterrupted(thread, false, site);
    }

    /** Replaces {@code Thread.interrupted()}. */
    public static boolean interrupted(int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null
                ? Thread.interrupted()
                : i.threadIsInterrupted(i.currentThread(site), true, site);
    }

    /** Replaces {@code thread.setDaemon(on)}. */
    public static void setDaemon(Thread thread, boolean on, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            thread.setDaemon(on);
        } else {
            i.threadSetDaemon(thread, on, site);
        }
    }

    /** Replaces {@code thread.isAlive()}. */
    public static boolean isAlive(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? thread.isAlive() : i.threadIsAlive(thread, site);
    }

    /** Replaces {@code Thread.activeCount()}: the live threads of the caller's group. */
    public static int activeCount(int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? Thread.activeCount() : i.groupThreads(null, null, true, site);
    }

    /** Replaces {@code Thread.enumerate(list)}: the live threads of the caller's group. */
    public static int enumerate(Thread[] list, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? Thread.enumerate(list) : i.groupThreads(null, list, true, site);
    }

    /** Replaces {@code group.activeCount()}. */
    public static int activeCount(ThreadGroup group, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? group.activeCount() : i.groupThreads(group, null, true, site);
    }

    /** Replaces {@code group.enumerate(list)}. */
    public static int enumerate(ThreadGroup group, Thread[] list, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? group.enumerate(list) : i.groupThreads(group, list, true, site);
    }

    /** Replaces {@code group.enumerate(list, recurse)}. */
    public static int enumerate(ThreadGroup group, Thread[] list, boolean recurse, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null
                ? group.enumerate(list, recurse)
                : i.groupThreads(group, list, recurse, site);
    }

    /** Replaces {@code thread.getState()}. */
    public static Thread.State getState(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? thread.getState() : i.threadState(thread, site);
    }

    /** Replaces {@code thread.getId()} and, on JDK 19 and later, {@code thread.threadId()}. */
    @SuppressWarnings("deprecation") // getId() is the only form on JDK 17
    public static long threadId(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? thread.getId() : i.threadId(thread, site);
    }

    /** Replaces {@code thread.getName()}. */
    public static String getName(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? thread.getName() : i.threadName(thread, site);
    }

    /** Replaces {@code Thread.currentThread()}. */
    public static Thread currentThread(int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? Thread.currentThread() : i.currentThread(site);
    }

    /** Replaces {@code Executors.newFixedThreadPool(n)}. */
    public static ExecutorService newFixedThreadPool(int n, int site) {
        ExecutorService e = substitute(ExecutorKind.FIXED, n, null, site);
        return e != null ? e : Executors.newFixedThreadPool(n);
    }

    /** Replaces {@code Executors.newFixedThreadPool(n, factory)}. */
    public static ExecutorService newFixedThreadPool(int n, ThreadFactory factory, int site) {
        ExecutorService e = substitute(ExecutorKind.FIXED, n, factory, site);
        return e != null ? e : Executors.newFixedThreadPool(n, factory);
    }

    /** Replaces {@code Executors.newCachedThreadPool()}. */
    public static ExecutorService newCachedThreadPool(int site) {
        ExecutorService e = substitute(ExecutorKind.CACHED, 0, null, site);
        return e != null ? e : Executors.newCachedThreadPool();
    }

    /** Replaces {@code Executors.newCachedThreadPool(factory)}. */
    public static ExecutorService newCachedThreadPool(ThreadFactory factory, int site) {
        ExecutorService e = substitute(ExecutorKind.CACHED, 0, factory, site);
        return e != null ? e : Executors.newCachedThreadPool(factory);
    }

    /** Replaces {@code Executors.newSingleThreadExecutor()}. */
    public static ExecutorService newSingleThreadExecutor(int site) {
        ExecutorService e = substitute(ExecutorKind.SINGLE, 1, null, site);
        return e != null ? e : Executors.newSingleThreadExecutor();
    }

    /** Replaces {@code Executors.newSingleThreadExecutor(factory)}. */
    public static ExecutorService newSingleThreadExecutor(ThreadFactory factory, int site) {
        ExecutorService e = substitute(ExecutorKind.SINGLE, 1, factory, site);
        return e != null ? e : Executors.newSingleThreadExecutor(factory);
    }

    /** Replaces {@code Executors.newVirtualThreadPerTaskExecutor()} (JDK 21+). */
    public static ExecutorService newVirtualThreadPerTaskExecutor(int site) {
        return VirtualThreads.newVirtualThreadPerTaskExecutor(site);
    }

    /** Replaces {@code Executors.newThreadPerTaskExecutor(factory)} (JDK 21+). */
    public static ExecutorService newThreadPerTaskExecutor(ThreadFactory factory, int site) {
        return VirtualThreads.newThreadPerTaskExecutor(factory, site);
    }

    /** Replaces {@code Executors.newScheduledThreadPool(n)}. */
    public static ScheduledExecutorService newScheduledThreadPool(int n, int site) {
        ExecutorService e = substitute(ExecutorKind.SCHEDULED, n, null, site);
        return e != null ? (ScheduledExecutorService) e : Executors.newScheduledThreadPool(n);
    }

    /** Replaces {@code Executors.newScheduledThreadPool(n, factory)}. */
    public static ScheduledExecutorService newScheduledThreadPool(
            int n, ThreadFactory factory, int site) {
        ExecutorService e = substitute(ExecutorKind.SCHEDULED, n, factory, site);
        return e != null
                ? (ScheduledExecutorService) e
                : Executors.newScheduledThreadPool(n, factory);
    }

    /** Replaces {@code Executors.newSingleThreadScheduledExecutor()}. */
    public static ScheduledExecutorService newSingleThreadScheduledExecutor(int site) {
        ExecutorService e = substitute(ExecutorKind.SINGLE_SCHEDULED, 1, null, site);
        return e != null
                ? (ScheduledExecutorService) e
                : Executors.newSingleThreadScheduledExecutor();
    }

    /** Replaces {@code Executors.newSingleThreadScheduledExecutor(factory)}. */
    public static ScheduledExecutorService newSingleThreadScheduledExecutor(
            ThreadFactory factory, int site) {
        ExecutorService e = substitute(ExecutorKind.SINGLE_SCHEDULED, 1, factory, site);
        return e != null
                ? (ScheduledExecutorService) e
                : Executors.newSingleThreadScheduledExecutor(factory);
    }

    /**
     * The interceptor's substitute executor, or null to build the JDK's. Argument checks come first
     * so that bad arguments fail exactly as the JDK method would.
     */
    private static ExecutorService substitute(
            ExecutorKind kind, int n, ThreadFactory factory, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return null;
        }
        if (kind == ExecutorKind.FIXED && n <= 0 || kind == ExecutorKind.SCHEDULED && n < 0) {
            throw new IllegalArgumentException();
        }
        return i.newExecutor(kind, n, factory, site);
    }

    /** Replaces {@code Thread.sleep(millis)}. */
    public static void sleep(long millis, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            Thread.sleep(millis);
        } else {
            if (millis < 0) {
                throw new IllegalArgumentException("timeout value is negative");
            }
            i.threadSleep(millis, 0, site);
        }
    }

    /** Replaces {@code Thread.sleep(millis, nanos)}. */
    public static void sleep(long millis, int nanos, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            Thread.sleep(millis, nanos);
        } else {
            if (millis < 0 || nanos < 0 || nanos > 999_999) {
                throw new IllegalArgumentException("timeout or nanosecond value out of range");
            }
            i.threadSleep(millis, nanos, site);
        }
    }

    /**
     * Replaces {@code unit.sleep(timeout)}: sleeps as {@link #sleep(long, int, int)} when the
     * timeout is positive, else returns at once, as the JDK's method does.
     */
    public static void unitSleep(TimeUnit unit, long timeout, int site)
            throws InterruptedException {
        if (SyncBridge.managing() == null || timeout <= 0) {
            unit.sleep(timeout);
            return;
        }
        long nanos = unit.toNanos(timeout);
        sleep(nanos / 1_000_000, (int) (nanos % 1_000_000), site);
    }

    /**
     * Replaces {@code unit.timedJoin(thread, timeout)}: joins as {@link #join(Thread, long, int,
     * int)} when the timeout is positive, else returns at once, as the JDK's method does.
     */
    public static void unitJoin(TimeUnit unit, Thread thread, long timeout, int site)
            throws InterruptedException {
        if (SyncBridge.managing() == null || timeout <= 0) {
            unit.timedJoin(thread, timeout);
            return;
        }
        long nanos = unit.toNanos(timeout);
        join(thread, nanos / 1_000_000, (int) (nanos % 1_000_000), site);
    }

    /**
     * Replaces {@code unit.timedWait(monitor, timeout)}: waits as {@code monitor.wait(millis,
     * nanos)} when the timeout is positive, else returns at once, as the JDK's method does.
     */
    public static void unitWait(TimeUnit unit, Object monitor, long timeout, int site)
            throws InterruptedException {
        if (SyncBridge.managing() == null || timeout <= 0) {
            unit.timedWait(monitor, timeout);
            return;
        }
        long nanos = unit.toNanos(timeout);
        SyncBridge.monitorWait(monitor, nanos / 1_000_000, (int) (nanos % 1_000_000), site);
    }

    /** Replaces {@code Thread.yield()}. */
    public static void yieldThread(int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            Thread.yield();
        } else {
            i.threadYield(false, site);
        }
    }

    /** Replaces {@code Thread.onSpinWait()}: under exploration a spin loop must yield. */
    public static void onSpinWait(int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            Thread.onSpinWait();
        } else {
            i.threadYield(true, site);
        }
    }

    /**
     * The factory an executor created at {@code site} is built with when the code passed {@code
     * base}: {@code base} itself (even {@code null}, so the executor fails as before) unless an
     * interceptor manages the calling thread.
     */
    public static ThreadFactory threadFactory(ThreadFactory base, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? base : managedFactory(i, base, site);
    }

    /**
     * The factory an executor created at {@code site} without a factory argument is built with:
     * {@link Executors#defaultThreadFactory()}, which is what the factory-less methods use, unless
     * an interceptor manages the calling thread.
     */
    public static ThreadFactory defaultThreadFactory(int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? Executors.defaultThreadFactory() : managedFactory(i, null, site);
    }

    private static ThreadFactory managedFactory(SyncInterceptor i, ThreadFactory base, int site) {
        ThreadFactory factory = i.threadFactory(base, site);
        if (factory == null) {
            throw new IllegalStateException(
                    "interceptor "
                            + i
                            + " returned no thread factory for "
                            + Instructions.get(site)
                            + " (a bug in the interceptor)");
        }
        return factory;
    }

    /**
     * Replaces {@code System.nanoTime()}: the explorer's virtual clock on a managed thread. Asks
     * the installed interceptor even inside a library call (where it manages no thread), so that
     * code called back from the JDK, a {@code Delayed.getDelay} say, reads the same clock.
     */
    public static long nanoTime(int site) {
        SyncInterceptor i = SyncBridge.installed();
        return i == null ? System.nanoTime() : i.nanoTime(site);
    }

    /**
     * Called after a JDK timed wait whose result, whether it timed out, the program dropped ({@code
     * latch.await(100, MILLISECONDS);}).
     */
    public static void timeoutIgnored(int site) {
        SyncInterceptor i = SyncBridge.installed();
        if (i != null) {
            i.timeoutIgnored(site);
        }
    }

    /**
     * Called before a read of the local variable that holds a JDK timed wait's stored result,
     * whether it timed out ({@code boolean held = gate.tryAcquire(10, MILLISECONDS);}).
     */
    public static void timeoutResultRead() {
        SyncInterceptor i = SyncBridge.installed();
        if (i != null) {
            i.timeoutResultRead();
        }
    }

    /** Replaces {@code System.currentTimeMillis()}, as {@link #nanoTime}. */
    public static long currentTimeMillis(int site) {
        SyncInterceptor i = SyncBridge.installed();
        return i == null ? System.currentTimeMillis() : i.currentTimeMillis(site);
    }

    /**
     * Replaces {@code Instant.now()}: the instant of {@link #currentTimeMillis}, so code that
     * measures time with {@code java.time} reads the explorer's virtual clock as well.
     */
    public static Instant instantNow(int site) {
        SyncInterceptor i = SyncBridge.installed();
        return i == null ? Instant.now() : Instant.ofEpochMilli(i.currentTimeMillis(site));
    }

    /**
     * Replaces {@code clock.instant()}: for the system clocks ({@code Clock.systemUTC()}, {@code
     * systemDefaultZone()}), the virtual clock's instant, as {@link #instantNow}; any other clock
     * is asked itself.
     */
    public static Instant instant(Clock clock, int site) {
        return systemClock(clock) ? instantNow(site) : clock.instant();
    }

    /** Replaces {@code clock.millis()}, as {@link #instant}. */
    public static long millis(Clock clock, int site) {
        return systemClock(clock) ? currentTimeMillis(site) : clock.millis();
    }

    private static final Class<?> SYSTEM_CLOCK = Clock.systemUTC().getClass();

    private static boolean systemClock(Clock clock) {
        return clock.getClass() == SYSTEM_CLOCK;
    }
}
