package io.refguard.hook;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Code sites supplied by bytecode instrumentation, so that the checker need not walk the stack.
 *
 * <p>Capturing a site by walking the stack costs about a microsecond. An instrumentation agent
 * knows every call site into refguard when it rewrites a class, so it gives each one a constant id
 * and emits {@code CallSites.enter(id)} before the call and {@code CallSites.exit()} after it.
 * While the call runs, refguard-core takes the site from {@link #current()} instead of walking.
 * Calls that are not instrumented (or that return by an exception, leaving no id behind only when
 * the next instrumented call overwrites it) fall back to walking, so a site is never invented; an
 * id left behind by a call that threw can at worst name that call's site for the next
 * uninstrumented capture on the same thread.
 *
 * <p>The whole mechanism is off unless the system property {@code refguard.callSites} is {@code
 * true} when this class initializes; refguard's agent sets it in its {@code premain}, before any
 * application class loads. Off, {@link #enter} and {@link #exit} do nothing and core never looks
 * here: the JIT folds {@link #SUPPLIED} away.
 */
public final class CallSites {

    /** Whether an agent supplies call sites in this JVM; fixed when this class initializes. */
    public static final boolean SUPPLIED = Boolean.getBoolean("refguard.callSites");

    /** The pending site id of each thread; 0 for none. One slot per thread, never reallocated. */
    private static final ThreadLocal<int[]> PENDING = ThreadLocal.withInitial(() -> new int[1]);

    private static volatile IntFunction<StackTraceElement> resolver;

    private CallSites() {}

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

    /** Called by instrumented code right before a call into refguard, with the call's site id. */
    public static void enter(int siteId) {
        if (SUPPLIED) {
            PENDING.get()[0] = siteId;
        }
    }

    /** Called by instrumented code right after a call into refguard returns. */
    public static void exit() {
        if (SUPPLIED) {
            PENDING.get()[0] = 0;
        }
    }

    /**
     * The location of the instrumented call into refguard that the current thread is in, or {@code
     * null} when there is none (then the caller walks the stack).
     */
    public static StackTraceElement current() {
        if (!SUPPLIED) {
            return null;
        }
        int id = PENDING.get()[0];
        IntFunction<StackTraceElement> table = resolver;
        return id == 0 || table == null ? null : table.apply(id);
    }
}
