package io.refguard.agent.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link InheritableThreadLocal}s of explored program threads. The JVM copies them when a {@code
 * Thread} is constructed, from the constructing thread into the new {@code Thread} object; under
 * exploration that object's {@code run()} runs on one of refguard's pooled workers instead, which
 * was constructed long before by another thread. So while a worker runs a program thread it takes
 * that thread's inheritable map as its own ({@link #enter}), and gives it back after ({@link
 * #exit}): values the program set before constructing the thread are seen in it, through {@code
 * childValue} as the JDK computed it, and a value set on one run's thread never shows in another's.
 * The entry thread starts with none, as a program's {@code main} does.
 *
 * <p>It reads and writes {@code Thread.inheritableThreadLocals}, which needs {@code java.lang} open
 * to refguard: the {@code -javaagent} opens it when it starts, and the command line's jar says
 * {@code Add-Opens} in its manifest. Where it is not open, workers keep their own map, as before:
 * inheritable values are then not inherited, which the documentation states.
 */
final class InheritedLocals {

    private static final VarHandle map = find();

    private static final Object NONE = new Object();

    private InheritedLocals() {}

    /**
     * The calling worker takes the inheritable thread locals of {@code program} (none when null);
     * returns what {@link #exit} gives back.
     */
    static Object enter(Thread program) {
        VarHandle m = map;
        if (m == null) {
            return NONE;
        }
        Thread worker = Thread.currentThread();
        Object own = m.get(worker);
        m.set(worker, program == null ? null : m.get(program));
        return own;
    }

    /** The calling worker gets back its own inheritable thread locals. */
    static void exit(Object own) {
        VarHandle m = map;
        if (own != NONE && m != null) {
            m.set(Thread.currentThread(), own);
        }
    }

    private static VarHandle find() {
        try {
            Class<?> type = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findVarHandle(Thread.class, "inheritableThreadLocals", type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // java.lang not open to refguard, or a JDK without the field
        }
    }
}
