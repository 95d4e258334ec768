package io.refguard.hook;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Code sites supplied by bytecode instrumentation, so that the checker need not walk the stack.
 *
 * <p>Capturing a site by walking the stack costs about a microsecond. An instrumentation agent
 * knows every call site into refguard when it rewrites a class, so it gives each one a constant id
 * and emits {@code Slot s = CallSites.enter(id)} before the call and {@code CallSites.exit(s)}
 * after it. While the call runs, refguard-core takes the site from the thread's {@link #slot()}
 * instead of walking. Calls that are not instrumented (or that return by an exception, leaving no
 * id behind only when the next instrumented call overwrites it) fall back to walking, so a site is
 * never invented; an id left behind by a call that threw can at worst name that call's site for the
 * next uninstrumented capture on the same thread.
 *
 * <p>The per-thread state is one {@link Slot}, found once per bracket: {@code enter} hands it to
 * the instrumented code, which gives it back to {@code exit} without a second thread-local lookup.
 * The slot also keeps a small memo for the checker, so that a thread that passes the same call site
 * again reuses the site it built there the last time instead of building another.
 *
 * <p>The whole mechanism is off unless the system property {@code refguard.callSites} is {@code
 * true} when this class initializes; refguard's agent sets it in its {@code premain}, before any
 * application class loads. Off, {@link #enter} and {@link #exit} do nothing and core never looks
 * here: the JIT folds {@link #SUPPLIED} away.
 */
public final class CallSites {

    /** Whether an agent supplies call sites in this JVM; fixed when this class initializes. */
    public static final boolean SUPPLIED = Boolean.getBoolean("refguard.callSites");

    /** Each thread's slot; never replaced once made. */
    private static final ThreadLocal<Slot> SLOTS = ThreadLocal.withInitial(Slot::new);

    private static volatile IntFunction<StackTraceElement> resolver;

    private CallSites() {}

    /**
     * One thread's bracket state: the id of the instrumented call it is in (0 for none), and a
     * direct-mapped memo from ids to whatever the checker built for them on this thread. Used by
     * its own thread only.
     */
    public static final class Slot {
        private static final int MEMO = 64; // a power of two

        private int id;
        private final int[] memoIds = new int[MEMO];
        private final Object[] memo = new Object[MEMO];

        private Slot() {}

        /** The pending call's id, or 0 when the thread is in no instrumented call. */
        public int id() {
            return id;
        }

        /** What {@link #remember} last kept for {@code id} on this thread, or null. */
        public Object recall(int id) {
            int k = id & (MEMO - 1);
            return memoIds[k] == id ? memo[k] : null;
        }

        /** Keeps {@code value} for {@code id}, replacing whatever shared its memo entry. */
        public void remember(int id, Object value) {
            int k = id & (MEMO - 1);
            memo[k] = value;
            memoIds[k] = id;
        }
    }

    /**
     * Installs the agent's table from site ids to locations. Called once, by the agent.
     *
     * @throws IllegalStateException when call sites are not {@link #SUPPLIED} in this JVM: set
     *     {@code -Drefguard.callSites=true} before refguard's classes load, as the agent does
     */
    public static void installResolver(IntFunction<StackTraceElement> table) {
        Objects.requireNonNull(table, "table");
        if (!SUPPLIED) {
            throw new IllegalStateException(
                    "call sites are off in this JVM: the system property"
                            + " refguard.callSites must be true before refguard's classes load");
        }
        resolver = table;
    }

    /**
     * Called by instrumented code right before a call into refguard, with the call's site id.
     *
     * @return the thread's slot, to pass to {@link #exit}; null when sites are not supplied
     */
    public static Slot enter(int siteId) {
        if (!SUPPLIED) {
            return null;
        }
        Slot s = SLOTS.get();
        s.id = siteId;
        return s;
    }

    /** Called by instrumented code right after a call into refguard returns. */
    public static void exit(Slot slot) {
        if (slot != null) {
            slot.id = 0;
        }
    }

    /** The current thread's slot, or null when sites are not {@link #SUPPLIED}. */
    public static Slot slot() {
        return SUPPLIED ? SLOTS.get() : null;
    }

    /** The location of the instrumented call with id {@code id}, or null when unknown. */
    public static StackTraceElement resolve(int id) {
        IntFunction<StackTraceElement> table = resolver;
        return id == 0 || table == null ? null : table.apply(id);
    }
}
