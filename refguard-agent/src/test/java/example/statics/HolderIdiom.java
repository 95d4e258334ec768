package example.statics;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two threads get a shared cache. The buggy version creates it lazily with check-then-act on a
 * static field, so both may create one; the fix is the holder idiom, which relies on the JVM's
 * class initialization: a thread that uses a class another thread is initializing waits until it is
 * initialized, so the cache is created once and both threads see it.
 */
public final class HolderIdiom {

    static final AtomicInteger CREATED = new AtomicInteger();

    static final class Cache {
        Cache() {
            CREATED.incrementAndGet(); // a scheduling point inside the initializer
        }
    }

    static Cache lazy;

    static Cache racy() {
        if (lazy == null) {
            lazy = new Cache();
        }
        return lazy;
    }

    static final class Holder {
        static final Cache INSTANCE = new Cache();
    }

    static void run(boolean holder) throws InterruptedException {
        Cache[] got = new Cache[2];
        Thread a = new Thread(() -> got[0] = holder ? Holder.INSTANCE : racy(), "a");
        Thread b = new Thread(() -> got[1] = holder ? Holder.INSTANCE : racy(), "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (CREATED.get() != 1 || got[0] != got[1]) {
            throw new AssertionError(
                    CREATED.get()
                            + " caches created, the threads got "
                            + got[0]
                            + " and "
                            + got[1]);
        }
    }

    private HolderIdiom() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: the holder idiom. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
