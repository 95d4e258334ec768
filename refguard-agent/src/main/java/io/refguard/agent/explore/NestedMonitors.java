package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.Set;

/**
 * JDK calls that lock the monitor of a collection passed as their argument while they hold their
 * receiver's: {@code a.equals(b)} or {@code a.addAll(b)} on two objects that synchronize on a
 * monitor. Two threads that make such calls the other way round ({@code a.equals(b)} and {@code
 * b.equals(a)}) deadlock in the JDK. The call itself is one atomic step, so the two monitors were
 * never held apart and the deadlock was never seen. Here such a call takes the receiver's monitor
 * in the model at its step, makes a second step at which it takes the argument's, then runs.
 *
 * <p>Only the pairs where every JDK from 17 to 25 takes the argument's monitor inside, read from
 * their code:
 *
 * <ul>
 *   <li>{@code equals} between lists: a {@code Vector}, or a synchronized wrapper of an {@code
 *       ArrayList} or {@code LinkedList}, compared with a {@code Vector}, whose {@code iterator()}
 *       and {@code listIterator()} that the comparison calls are synchronized;
 *   <li>{@code equals} between maps: a {@code Hashtable}, or a synchronized wrapper of a {@code
 *       HashMap}, {@code LinkedHashMap} or {@code TreeMap}, compared with a {@code Hashtable} or a
 *       synchronized map, whose {@code size()}, called first, is synchronized;
 *   <li>{@code addAll} on a synchronized wrapper of an {@code ArrayList} or {@code LinkedList}, of
 *       a synchronized collection or a {@code Vector}: the wrapped list copies its argument with
 *       {@code toArray()}, which is synchronized.
 * </ul>
 *
 * Not modeled, as the JDK takes no monitor of the argument there or only for some contents: {@code
 * Vector.addAll} (it copies its argument before it locks itself), a comparison with a synchronized
 * list (whose iterators are not synchronized), {@code removeAll} and {@code retainAll} (which test
 * the argument only for a non-empty receiver), {@code Hashtable.putAll}.
 */
final class NestedMonitors {

    private static final Set<String> LOCKED_LISTS = Set.of("java.util.Vector", "java.util.Stack");

    private static final Set<String> LISTS = Set.of("java.util.ArrayList", "java.util.LinkedList");

    private static final Set<String> MAPS =
            Set.of("java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap");

    private static final String WRAPPER = "java.util.Collections$Synchronized";

    private NestedMonitors() {}

    /**
     * The monitor that {@code call} takes of its argument while it holds {@code mutex}, the
     * receiver's; null when it takes none.
     */
    static Object inner(RunModel r, LibraryCall call, Object receiver, Object mutex) {
        String name = call.name();
        if (call.argumentCount() != 1 || !(name.equals("equals") || name.equals("addAll"))) {
            return null;
        }
        Object arg = call.argument(0);
        Object argMutex = arg == null || arg == receiver ? null : LibraryOps.mutexOf(r, arg);
        if (argMutex == null || argMutex == mutex) {
            return null;
        }
        String own = receiver.getClass().getName();
        String other = arg.getClass().getName();
        Object inside = own.startsWith(WRAPPER) ? SynchronizedWrappers.inside(receiver) : null;
        String wrapped = inside == null ? "" : inside.getClass().getName();
        boolean nests;
        if (name.equals("addAll")) {
            nests =
                    LISTS.contains(wrapped)
                            && (LOCKED_LISTS.contains(other)
                                    || other.startsWith(WRAPPER)
                                            && arg instanceof java.util.Collection<?>);
        } else if (receiver instanceof java.util.List<?>) {
            nests =
                    (LOCKED_LISTS.contains(own) || LISTS.contains(wrapped))
                            && LOCKED_LISTS.contains(other);
        } else {
            nests =
                    (own.equals("java.util.Hashtable") || MAPS.contains(wrapped))
                            && (other.equals("java.util.Hashtable")
                                    || other.startsWith(WRAPPER)
                                            && arg instanceof java.util.Map<?, ?>);
        }
        return nests ? argMutex : null;
    }

    /**
     * Runs {@code call}, whose step has been made, as the JDK does: holding the receiver's monitor
     * {@code mutex}, a second step, then holding the argument's monitor {@code inner} too.
     */
    static Object call(
            ExploringInterceptor x,
            LibraryCall call,
            Object mutex,
            Object inner,
            ExploringInterceptor.Body body)
            throws Throwable {
        RunModel r = x.run();
        LockModel outer = r.key(mutex, call.site());
        LockModel nested = r.key(inner, call.site());
        take(outer);
        try {
            r.ops++;
            Coordinator.point(nested, Access.READ, x.label(call.site()) + " locks " + nested.name);
            take(nested);
            try {
                return LibraryOps.atomically(x, body);
            } finally {
                MonitorOps.release(nested);
            }
        } finally {
            MonitorOps.release(outer);
        }
    }

    private static void take(LockModel m) {
        if (!Coordinator.reenter(m)) {
            Coordinator.take(m);
        }
    }
}
