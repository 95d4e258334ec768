package io.refguard.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Identity hashes written into object headers, so that the JDK's own identity hashing ({@code
 * IdentityHashMap}, {@code Object.hashCode()} of a {@code Thread} or a plain {@code new Object()}
 * used as a key) sees the same hash for the same object in every run of a schedule.
 *
 * <p>HotSpot keeps an object's identity hash in its header (the mark word) once it is first asked
 * for, and 0 there means "not chosen yet". Writing a hash of the explorer's choosing into an
 * unlocked header that holds none fixes what the JVM will answer from then on, for any caller: this
 * is how record-and-replay tools for the JVM make identity hashes repeatable (Lincheck substitutes
 * them the same way). The write is a compare-and-set of the whole mark word, so it loses, and
 * changes nothing, against a concurrent lock or hash.
 *
 * <p>The bit position of the hash differs between JDKs (8 up to JDK 23, 11 from JDK 24, with or
 * without compact headers). It is not assumed: the class asks the JVM to hash a probe object and
 * finds where the hash landed, then checks that a hash written there is the one the JVM answers. If
 * anything differs (another VM, another layout, {@code jdk.internal.misc} not exported to refguard
 * because the agent is not loaded) the class is off, and identity hashes are the JVM's as before;
 * the instrumented classes' own hashes ({@link IdentityHashed}) still apply.
 */
final class HeaderHashes {

    private static final long MASK = 0x7fff_ffffL;

    /** Lock bits {@code 01} with the bit above them clear: unlocked, unbiased, not forwarded. */
    private static final long UNLOCKED = 0b001;

    private static final MethodHandle GET;
    private static final MethodHandle CAS;

    /** Where the hash sits in the mark word, or -1 when this JVM's headers are not written. */
    static final int SHIFT;

    static {
        MethodHandle[] access = internalUnsafe();
        if (access == null && Runtime.version().feature() < 24) {
            access = publicUnsafe(); // from JDK 24 its memory methods warn on standard error
        }
        int shift = -1;
        if (access != null) {
            try {
                shift = probe(access[0], access[1]);
            } catch (Throwable e) {
                shift = -1;
            }
        }
        GET = shift < 0 ? null : access[0];
        CAS = shift < 0 ? null : access[1];
        SHIFT = shift;
    }

    /**
     * {@code getLong} and {@code compareAndSetLong} of {@code jdk.internal.misc.Unsafe}, reachable
     * when the agent or the launching jar's manifest exported the package to refguard; else null.
     */
    private static MethodHandle[] internalUnsafe() {
        try {
            Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = type.getMethod("getUnsafe").invoke(null);
            return handles(type, unsafe, "compareAndSetLong");
        } catch (Throwable e) {
            return null;
        }
    }

    /** The same two of {@code sun.misc.Unsafe}, or null. */
    private static MethodHandle[] publicUnsafe() {
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field f = type.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return handles(type, f.get(null), "compareAndSwapLong");
        } catch (Throwable e) {
            return null;
        }
    }

    private static MethodHandle[] handles(Class<?> type, Object unsafe, String cas)
            throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle get =
                lookup.unreflect(type.getMethod("getLong", Object.class, long.class))
                        .bindTo(unsafe);
        MethodHandle set =
                lookup.unreflect(
                                type.getMethod(
                                        cas, Object.class, long.class, long.class, long.class))
                        .bindTo(unsafe);
        return new MethodHandle[] {get, set};
    }

    private HeaderHashes() {}

    /** The hash position this JVM uses, checked by a write, or -1. */
    private static int probe(MethodHandle get, MethodHandle cas) throws Throwable {
        if (!"64".equals(System.getProperty("sun.arch.data.model"))) {
            return -1;
        }
        Object hashed = new Object();
        int jvm = System.identityHashCode(hashed);
        long mark = (long) get.invokeExact(hashed, 0L);
        int shift = -1;
        for (int s : new int[] {8, 11}) {
            if ((mark & 0b111) == UNLOCKED && ((mark >>> s) & MASK) == jvm) {
                shift = s;
            }
        }
        if (shift < 0) {
            return -1;
        }
        Object fresh = new Object();
        int chosen = jvm == 0x2a5a_5a5a ? 0x1a5a_5a5a : 0x2a5a_5a5a;
        long before = (long) get.invokeExact(fresh, 0L);
        if ((before & 0b111) != UNLOCKED || ((before >>> shift) & MASK) != 0) {
            return -1;
        }
        boolean set =
                (boolean) cas.invokeExact(fresh, 0L, before, before | ((long) chosen << shift));
        return set && System.identityHashCode(fresh) == chosen ? shift : -1;
    }

    /** Whether hashes can be written into headers on this JVM. */
    static boolean on() {
        return SHIFT >= 0;
    }

    /**
     * Makes {@code hash} (31 bits, not 0) the identity hash of {@code o} if the JVM has not chosen
     * one yet and no thread holds its monitor; returns whether it did.
     */
    static boolean install(Object o, int hash) {
        int shift = SHIFT;
        if (shift < 0) {
            return false;
        }
        try {
            for (int attempt = 0; attempt < 4; attempt++) {
                long mark = (long) GET.invokeExact(o, 0L);
                if ((mark & 0b111) != UNLOCKED || ((mark >>> shift) & MASK) != 0) {
                    return false;
                }
                long with = mark | ((hash & MASK) << shift);
                if ((boolean) CAS.invokeExact(o, 0L, mark, with)) {
                    return true;
                }
            }
            return false; // the header kept changing (a collection aging the object): leave it
        } catch (Throwable e) {
            return false;
        }
    }

    /** The identity hash in {@code o}'s header, or 0 when none is chosen or it cannot be read. */
    static int peek(Object o) {
        int shift = SHIFT;
        if (shift < 0) {
            return 0;
        }
        try {
            long mark = (long) GET.invokeExact(o, 0L);
            return (mark & 0b111) == UNLOCKED ? (int) ((mark >>> shift) & MASK) : 0;
        } catch (Throwable e) {
            return 0;
        }
    }
}
