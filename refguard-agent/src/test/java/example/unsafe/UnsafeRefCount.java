package example.unsafe;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * A reference count kept through {@code sun.misc.Unsafe}, as buffer libraries keep theirs: {@code
 * release()} checks that the object is still referenced and then decrements, so two threads that
 * both check before either decrements both release, and the second release finds the count at zero.
 * The fix decrements with a compare-and-swap loop that re-reads the count on failure.
 */
public final class UnsafeRefCount {

    static final Unsafe U;
    static final long REFS;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (Unsafe) f.get(null);
            REFS = U.objectFieldOffset(Counted.class.getDeclaredField("refs"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private UnsafeRefCount() {}

    /** An object with a reference count, one reference held from the start. */
    static final class Counted {
        volatile int refs = 1;

        /** Check-then-release: two releasers can both pass the check. */
        boolean release() {
            if (U.getIntVolatile(this, REFS) > 0) { // site: check
                int before = U.getAndAddInt(this, REFS, -1); // site: release
                if (before <= 0) {
                    throw new IllegalStateException("released twice: the count was " + before);
                }
                return before == 1;
            }
            return false;
        }

        /** The fix: a compare-and-swap loop, so only one releaser takes the last reference. */
        boolean releaseOnce() {
            for (; ; ) {
                int r = U.getIntVolatile(this, REFS);
                if (r <= 0) {
                    return false;
                }
                if (U.compareAndSwapInt(this, REFS, r, r - 1)) { // site: cas
                    return r == 1;
                }
            }
        }

        /** The check as a read of the field itself, the release through Unsafe. */
        boolean releaseMixed() {
            if (refs > 0) { // site: field check
                int before = U.getAndAddInt(this, REFS, -1);
                if (before <= 0) {
                    throw new IllegalStateException("released twice: the count was " + before);
                }
                return before == 1;
            }
            return false;
        }
    }

    /** Runs {@code release} on two threads and checks that exactly one took the last reference. */
    static void twoReleasers(Counted c, java.util.function.Predicate<Counted> release)
            throws InterruptedException {
        boolean[] last = new boolean[2];
        Thread a = new Thread(() -> last[0] = release.test(c), "release-a");
        Thread b = new Thread(() -> last[1] = release.test(c), "release-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (last[0] == last[1]) {
            throw new AssertionError("the last reference was taken by both or neither");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        twoReleasers(new Counted(), Counted::release);
    }

    /** The fix. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            twoReleasers(new Counted(), Counted::releaseOnce);
        }
    }

    /** The race with the check made by a volatile read of the field: as dependent. */
    public static final class Mixed {
        private Mixed() {}

        public static void main(String[] args) throws InterruptedException {
            twoReleasers(new Counted(), Counted::releaseMixed);
        }
    }

    /**
     * Unsafe accesses at absolute addresses (a null base): off-heap memory, no object to schedule
     * on; the two threads write it in turn under a lock, and the program passes.
     */
    public static final class OffHeap {
        private OffHeap() {}

        public static void main(String[] args) throws InterruptedException {
            long address = U.allocateMemory(8);
            try {
                U.putIntVolatile(null, address, 0);
                Object lock = new Object();
                Runnable bump =
                        () -> {
                            synchronized (lock) {
                                int v = U.getIntVolatile(null, address); // site: off-heap read
                                U.putIntVolatile(null, address, v + 1);
                            }
                        };
                Thread a = new Thread(bump, "bump-a");
                Thread b = new Thread(bump, "bump-b");
                a.start();
                b.start();
                a.join();
                b.join();
                if (U.getIntVolatile(null, address) != 2) {
                    throw new AssertionError("off-heap count " + U.getIntVolatile(null, address));
                }
            } finally {
                U.freeMemory(address);
            }
        }
    }

    /**
     * The same off-heap count bumped without the lock: a volatile get, then a volatile put, on two
     * threads; one bump can be lost.
     */
    public static final class OffHeapUnlocked {
        private OffHeapUnlocked() {}

        public static void main(String[] args) throws InterruptedException {
            long address = U.allocateMemory(8);
            try {
                U.putIntVolatile(null, address, 0);
                Runnable bump =
                        () -> {
                            int v = U.getIntVolatile(null, address);
                            U.putIntVolatile(null, address, v + 1); // site: off-heap write
                        };
                Thread a = new Thread(bump, "bump-a");
                Thread b = new Thread(bump, "bump-b");
                a.start();
                b.start();
                a.join();
                b.join();
                if (U.getIntVolatile(null, address) != 2) {
                    throw new AssertionError("off-heap count " + U.getIntVolatile(null, address));
                }
            } finally {
                U.freeMemory(address);
            }
        }
    }

    /**
     * Two writers append a record each to a log in a {@code byte[]} through plain {@code Unsafe}
     * gets and puts (a buffer class's fast path): each reads the tail, writes its record there and
     * moves the tail on, so one record can overwrite the other.
     */
    public static final class PlainAppend {
        private PlainAppend() {}

        public static void main(String[] args) throws InterruptedException {
            byte[] log = new byte[64]; // [0..7]: the tail, then records of 8 bytes
            long base = U.arrayBaseOffset(byte[].class);
            java.util.function.LongConsumer append =
                    value -> {
                        long tail = U.getLong(log, base);
                        U.putLong(log, base + 8 + 8 * tail, value); // site: plain put
                        U.putLong(log, base, tail + 1);
                    };
            Thread a = new Thread(() -> append.accept(11), "writer-a");
            Thread b = new Thread(() -> append.accept(22), "writer-b");
            a.start();
            b.start();
            a.join();
            b.join();
            if (U.getLong(log, base) != 2) {
                throw new AssertionError("records appended: " + U.getLong(log, base));
            }
        }
    }

    /** Runs {@code take} on two threads and waits for both. */
    static void twoTakers(Runnable take) throws InterruptedException {
        Thread a = new Thread(take, "take-a");
        Thread b = new Thread(take, "take-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /** A count kept in an {@code int[]} slot through Unsafe, checked then decremented. */
    public static final class ArraySlot {
        private ArraySlot() {}

        public static void main(String[] args) throws InterruptedException {
            int[] slots = {0, 1};
            long slot1 = Unsafe.ARRAY_INT_BASE_OFFSET + Unsafe.ARRAY_INT_INDEX_SCALE;
            Runnable take =
                    () -> {
                        if (U.getIntVolatile(slots, slot1) > 0) { // site: array check
                            U.getAndAddInt(slots, slot1, -1);
                        }
                    };
            twoTakers(take);
            if (slots[1] != 0) {
                throw new AssertionError("slot taken twice: " + slots[1]);
            }
        }
    }

    /**
     * A count kept in a static field through Unsafe ({@code staticFieldBase}), checked then
     * decremented.
     */
    public static final class StaticCount {
        static volatile int count = 1;

        private StaticCount() {}

        public static void main(String[] args) throws Exception {
            Field f = StaticCount.class.getDeclaredField("count");
            Object base = U.staticFieldBase(f);
            long offset = U.staticFieldOffset(f);
            Runnable take =
                    () -> {
                        if (U.getIntVolatile(base, offset) > 0) { // site: static check
                            U.getAndAddInt(base, offset, -1);
                        }
                    };
            twoTakers(take);
            if (count != 0) {
                throw new AssertionError("count taken twice: " + count);
            }
        }
    }
}
