package io.refguard.agent.bridge;

import java.util.Objects;

/**
 * The static entry points that instrumented code calls for memory accesses and monitors, and the
 * installation point for the {@link SyncInterceptor}.
 *
 * <p>Every entry point first reads the installed interceptor (one volatile load) and asks whether
 * it manages the calling thread; when none is installed or it does not, the entry point does
 * exactly what the replaced instruction did. {@link LockBridge} and {@link ThreadBridge} hold the
 * entry points for {@code java.util.concurrent} and {@code Thread} call sites.
 *
 * <p>Happens-before: {@link #install} is a volatile write; a thread started (or released from a
 * blocking call) after it returns sees the interceptor on its next intercepted operation.
 *
 * <p>These methods are public only because injected code in any package must be able to call them;
 * application code should not.
 */
public final class SyncBridge {

    private static volatile SyncInterceptor interceptor;

    /**
     * The object a managed thread really locks in the rare methods whose {@code synchronized}
     * blocks are rewritten in place (constructors): private to the thread, so never contended.
     */
    private static final ThreadLocal<Object> MONITOR_TOKEN = ThreadLocal.withInitial(Object::new);

    private SyncBridge() {}

    /**
     * Installs {@code i}.
     *
     * @throws IllegalStateException when another interceptor is installed: one interceptor at a
     *     time; to serve several explorations at once, install one that routes each thread to its
     *     own handler ({@link SyncInterceptor#forCurrentThread()}), as the agent's explorer does
     */
    public static synchronized void install(SyncInterceptor i) {
        Objects.requireNonNull(i, "interceptor");
        if (interceptor != null && interceptor != i) {
            throw new IllegalStateException(
                    "another SyncInterceptor ("
                            + interceptor
                            + ") is already installed; run"
                            + " explorations one after the other and uninstall when done");
        }
        interceptor = i;
    }

    /**
     * Removes {@code i} if it is the installed interceptor. Call only after every managed thread
     * has left instrumented {@code synchronized} code.
     */
    public static synchronized void uninstall(SyncInterceptor i) {
        if (interceptor == i) {
            interceptor = null;
        }
    }

    /** The installed interceptor, or {@code null}. */
    public static SyncInterceptor installed() {
        return interceptor;
    }

    /** The interceptor that handles the calling thread's operations, else {@code null}. */
    static SyncInterceptor managing() {
        SyncInterceptor i = interceptor;
        return i != null ? i.forCurrentThread() : null;
    }

    /** The interceptor of a managed thread inside a JDK call's callback, else null. */
    static SyncInterceptor managingCallback() {
        SyncInterceptor i = interceptor;
        return i != null ? i.forCallbackOfCurrentThread() : null;
    }

    private static SyncInterceptor requireInstalled(int site) {
        SyncInterceptor i = interceptor;
        if (i == null) {
            throw new IllegalStateException(
                    "the SyncInterceptor was uninstalled while a managed thread was inside"
                            + " synchronized code ("
                            + Instructions.get(site)
                            + "); uninstall only after"
                            + " every managed thread has finished");
        }
        SyncInterceptor handler = i.forCurrentThread();
        return handler != null ? handler : i;
    }

    // ---------------------------------------------------------------- memory accesses

    /** Scheduling point before a read of {@code target}'s state; the caller then reads. */
    public static void beforeRead(Object target, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeAccess(target, AccessKind.READ, site);
        }
    }

    /** Scheduling point before a write of {@code target}'s state; the caller then writes. */
    public static void beforeWrite(Object target, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeAccess(target, AccessKind.WRITE, site);
        }
    }

    /** Scheduling point before an atomic update of {@code target}; the caller then updates. */
    public static void beforeUpdate(Object target, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeAccess(target, AccessKind.UPDATE, site);
        }
    }

    /**
     * Scheduling point before a read of slot {@code index} of the atomic array {@code array}
     * ({@code AtomicIntegerArray.get(i)}); the caller then reads, and throws for a bad index.
     */
    public static void beforeSlotRead(Object array, int index, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeSlotAccess(array, index, AccessKind.READ, site);
        }
    }

    /** As {@link #beforeSlotRead}, before a write of the slot ({@code set(i, v)}). */
    public static void beforeSlotWrite(Object array, int index, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeSlotAccess(array, index, AccessKind.WRITE, site);
        }
    }

    /**
     * As {@link #beforeSlotRead}, before an atomic update of the slot ({@code incrementAndGet(i)}).
     */
    public static void beforeSlotUpdate(Object array, int index, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeSlotAccess(array, index, AccessKind.UPDATE, site);
        }
    }

    /**
     * What an {@code Unsafe} access at an absolute address (a null base: memory outside the Java
     * heap, from {@code allocateMemory} or a direct buffer) touches: all such memory is one
     * location, as all elements of an array are.
     */
    private static final Object NATIVE_MEMORY = new NativeMemory();

    /** The type of {@link #NATIVE_MEMORY}, which reports name after it ({@code NativeMemory#1}). */
    private static final class NativeMemory {}

    /**
     * Scheduling point before an {@code Unsafe} read at an offset in {@code base} (a volatile,
     * acquire or opaque get), or at an absolute address when {@code base} is null ({@link
     * #NATIVE_MEMORY}). The caller then reads.
     */
    public static void beforeUnsafeRead(Object base, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeAccess(base != null ? base : NATIVE_MEMORY, AccessKind.READ, site);
        }
    }

    /** As {@link #beforeUnsafeRead}, before a volatile, ordered, release or opaque put. */
    public static void beforeUnsafeWrite(Object base, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeAccess(base != null ? base : NATIVE_MEMORY, AccessKind.WRITE, site);
        }
    }

    /** As {@link #beforeUnsafeRead}, before a compare-and-swap or a get-and-add/set/bitwise. */
    public static void beforeUnsafeUpdate(Object base, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforeAccess(base != null ? base : NATIVE_MEMORY, AccessKind.UPDATE, site);
        }
    }

    /**
     * With plain fields: a point before a plain {@code Unsafe} get ({@code getInt}, {@code
     * getLong}, ...) at an offset in {@code base}, or at an absolute address when {@code base} is
     * null; folded as a plain field's access is ({@link SyncInterceptor#beforePlainUnsafe}).
     */
    public static void beforeUnsafePlainRead(Object base, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforePlainUnsafe(base != null ? base : NATIVE_MEMORY, AccessKind.READ, site);
        }
    }

    /** As {@link #beforeUnsafePlainRead}, before a plain put. */
    public static void beforeUnsafePlainWrite(Object base, int site) {
        SyncInterceptor i = managing();
        if (i != null) {
            i.beforePlainUnsafe(base != null ? base : NATIVE_MEMORY, AccessKind.WRITE, site);
        }
    }

    /**
     * Scheduling point before {@code array[index]} is read (an {@code xALOAD}); the caller then
     * reads, and throws as the instruction does for a null array or a bad index.
     */
    public static void beforeArrayRead(Object array, int index, int site) {
        SyncInterceptor i = managing();
        if (i != null && array != null) {
            i.beforeElementAccess(array, index, AccessKind.READ, site);
        }
    }

    /** Scheduling point before {@code array[index]} is written (an {@code xASTORE}). */
    public static void beforeArrayWrite(Object array, int index, int site) {
        SyncInterceptor i = managing();
        if (i != null && array != null) {
            i.beforeElementAccess(array, index, AccessKind.WRITE, site);
        }
    }

    // ---------------------------------------------------------------- monitors

    /**
     * Whether the calling thread runs the modeled copy of a method that contains {@code
     * synchronized}: the instrumenter splits such methods into a real and a modeled copy, and the
     * original method dispatches on this answer.
     */
    public static boolean modelsMonitors() {
        return managing() != null;
    }

    /**
     * Replaces {@code monitorenter} in a modeled copy: the interceptor acquires the monitor, no
     * real monitor is taken.
     */
    public static void monitorEnter(Object monitor, int site) {
        Objects.requireNonNull(monitor);
        requireInstalled(site).monitorEnter(monitor, site);
    }

    /** Replaces {@code monitorexit} in a modeled copy. */
    public static void monitorExit(Object monitor, int site) {
        Objects.requireNonNull(monitor);
        requireInstalled(site).monitorExit(monitor, site);
    }

    /**
     * Precedes a {@code monitorenter} rewritten in place (in constructors, which are not split):
     * returns the object the instruction really locks, {@code monitor} itself for an unmanaged
     * thread, or a thread-private token after the interceptor modeled the acquisition.
     */
    public static Object enterTarget(Object monitor, int site) {
        SyncInterceptor i = managing();
        if (i == null) {
            return monitor;
        }
        Objects.requireNonNull(monitor);
        i.monitorEnter(monitor, site);
        return MONITOR_TOKEN.get();
    }

    /** The counterpart of {@link #enterTarget} for the matching {@code monitorexit}. */
    public static Object exitTarget(Object monitor, int site) {
        SyncInterceptor i = managing();
        if (i == null) {
            return monitor;
        }
        Objects.requireNonNull(monitor);
        i.monitorExit(monitor, site);
        return MONITOR_TOKEN.get();
    }

    /** Replaces {@code monitor.wait()}. */
    public static void monitorWait(Object monitor, int site) throws InterruptedException {
        SyncInterceptor i = managing();
        if (i == null) {
            monitor.wait();
        } else {
            i.monitorWait(Objects.requireNonNull(monitor), 0L, site);
        }
    }

    /** Replaces {@code monitor.wait(millis)}. */
    public static void monitorWait(Object monitor, long millis, int site)
            throws InterruptedException {
        SyncInterceptor i = managing();
        if (i == null) {
            monitor.wait(millis);
        } else {
            if (millis < 0) {
                throw new IllegalArgumentException("timeout value is negative");
            }
            i.monitorWait(Objects.requireNonNull(monitor), millis, site);
        }
    }

    /**
     * Replaces {@code monitor.wait(millis, nanos)}; nanos round up to a millisecond as in the JDK.
     */
    public static void monitorWait(Object monitor, long millis, int nanos, int site)
            throws InterruptedException {
        SyncInterceptor i = managing();
        if (i == null) {
            monitor.wait(millis, nanos);
        } else {
            if (millis < 0 || nanos < 0 || nanos > 999_999) {
                throw new IllegalArgumentException("timeout or nanosecond value out of range");
            }
            long timeout = nanos > 0 && millis < Long.MAX_VALUE ? millis + 1 : millis;
            i.monitorWait(Objects.requireNonNull(monitor), timeout, site);
        }
    }

    /** Replaces {@code monitor.notify()}. */
    public static void monitorNotify(Object monitor, int site) {
        SyncInterceptor i = managing();
        if (i == null) {
            monitor.notify();
        } else {
            i.monitorNotify(Objects.requireNonNull(monitor), false, site);
        }
    }

    /** Replaces {@code monitor.notifyAll()}. */
    public static void monitorNotifyAll(Object monitor, int site) {
        SyncInterceptor i = managing();
        if (i == null) {
            monitor.notifyAll();
        } else {
            i.monitorNotify(Objects.requireNonNull(monitor), true, site);
        }
    }

    // ---------------------------------------------------------------- identity hashes

    /**
     * Replaces {@code System.identityHashCode(o)}: the hash an instrumented class without its own
     * {@code hashCode()} was given ({@link IdentityHashed}), else the one in the object's header,
     * which under exploration is the run's choice if none was there ({@link #created}).
     */
    public static int identityHashCode(Object o, int site) {
        if (o instanceof IdentityHashed) {
            return ((IdentityHashed) o).$refguard$identityHash();
        }
        if (o == null) {
            return 0;
        }
        created(o); // an object made where refguard could not see it gets the run's hash now
        return System.identityHashCode(o);
    }

    /**
     * The identity hash of an {@link IdentityHashed} object asked for the first time: under
     * exploration the interceptor's deterministic choice ({@link SyncInterceptor#identityHash}),
     * written into the object's header so that the JDK's identity hashing agrees ({@link
     * HeaderHashes}), unless the object already has one there (chosen at its creation, {@link
     * #created}, or earlier by the JVM), which then stays; elsewhere the JVM's identity hash. When
     * the header can be neither written nor read (a lock holds it) the choice is returned all the
     * same, as it is where headers are not written at all.
     */
    public static int newIdentityHash(Object o) {
        SyncInterceptor i = interceptor;
        int h = i == null ? 0 : i.identityHash(o);
        if (h == 0) {
            return System.identityHashCode(o);
        }
        if (HeaderHashes.install(o, h)) {
            return h;
        }
        int there = HeaderHashes.peek(o);
        return there != 0 ? there : h;
    }

    /**
     * Called by instrumented code right after it creates an object whose class inherits {@code
     * Object.hashCode()} ({@code new}, or a lambda that captures values): under exploration the
     * object gets the run's next identity hash in its header, before anything can ask the JVM for
     * one, so hash tables keyed by it, identity maps among them, iterate in the same order in every
     * run of a schedule.
     */
    public static void created(Object o) {
        SyncInterceptor i = interceptor;
        if (i != null && HeaderHashes.on()) {
            int h = i.identityHash(o);
            if (h != 0) {
                HeaderHashes.install(o, h);
            }
        }
    }

    /**
     * Whether this JVM lets refguard write identity hashes into object headers ({@link
     * HeaderHashes}), so that even the JDK's identity hashing repeats from run to run.
     */
    public static boolean repeatableIdentityHashes() {
        return HeaderHashes.on();
    }

    /** Replaces {@code Thread.holdsLock(monitor)}. */
    public static boolean holdsLock(Object monitor, int site) {
        SyncInterceptor i = managing();
        if (i == null) {
            return Thread.holdsLock(monitor);
        }
        return i.holdsMonitor(Objects.requireNonNull(monitor), site);
    }
}
