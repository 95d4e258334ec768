package io.refguard.agent.explore;

import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.Set;

/**
 * Calls on a JDK collection or map that is not thread-safe ({@code ArrayList}, {@code HashMap},
 * {@code HashSet}, ...) while the pieces of a parallel stream run ({@link ParallelStreams}): such a
 * call is otherwise no scheduling point, so two pieces adding to one {@code ArrayList} would never
 * be seen to overlap. Here a call is two steps, one as it starts and one while it is under way; a
 * thread that starts a call on an object another thread is inside (a write against anything, a read
 * against a write) has found two threads in the object at once, which the JDK does not allow: the
 * caller throws a {@code ConcurrentModificationException} naming both calls. The check is sound:
 * the explorer models every lock and monitor, so a schedule in which the calls overlap is one the
 * JVM can run. It is limited to the window of a parallel stream's pieces, to keep the steps of
 * other programs' plain collections out of their searches.
 */
final class UnsafeSharing {

    /** Reads besides {@link LibraryOps#isRead}: these leave the object as it is. */
    private static final Set<String> READS =
            Set.of(
                    "iterator",
                    "listIterator",
                    "stream",
                    "parallelStream",
                    "spliterator",
                    "forEach",
                    "toArray",
                    "keySet",
                    "values",
                    "entrySet",
                    "subList",
                    "first",
                    "last",
                    "clone",
                    "descendingIterator",
                    "ceiling",
                    "floor",
                    "higher",
                    "lower",
                    "ceilingEntry",
                    "floorEntry",
                    "higherEntry",
                    "lowerEntry",
                    "firstEntry",
                    "lastEntry",
                    "headMap",
                    "tailMap",
                    "subMap",
                    "headSet",
                    "tailSet",
                    "subSet",
                    "descendingMap",
                    "descendingSet",
                    "navigableKeySet",
                    "descendingKeySet",
                    "comparator",
                    "reversed");

    private UnsafeSharing() {}

    /** Whether calls on {@code receiver} are checked while parallel pieces run. */
    static boolean watched(RunModel r, Object receiver) {
        if (r.parallelPieces == 0 || !(receiver instanceof Collection || receiver instanceof Map)) {
            return false;
        }
        Class<?> c = receiver.getClass();
        String n = c.getName();
        return c.getClassLoader() == null
                && n.startsWith("java.util.")
                && !n.startsWith("java.util.concurrent.")
                && !n.startsWith("java.util.ImmutableCollections")
                && !n.startsWith("java.util.Collections$");
    }

    /** Who is inside calls on one object now: the threads and the calls, by kind. */
    static final class Use {
        final java.util.List<ThreadModel> writers = new java.util.ArrayList<>();
        final java.util.List<String> writing = new java.util.ArrayList<>();
        final java.util.List<ThreadModel> readers = new java.util.ArrayList<>();
        final java.util.List<String> reading = new java.util.ArrayList<>();
    }

    static Object call(ExploringInterceptor x, LibraryCall call) throws Throwable {
        RunModel r = x.run();
        Object o = call.receiver();
        boolean read = LibraryOps.isRead(call.name()) || READS.contains(call.name());
        Access access = read ? Access.READ : Access.UPDATE;
        LockModel k = r.key(o, call.site());
        String label = x.label(call.site());
        r.ops++;
        Coordinator.point(k, access, label);
        ThreadModel me = x.current();
        Use use = r.unsafeUses.computeIfAbsent(o, any -> new Use());
        String mine = where(call.site());
        check(k, me, mine, use.writers, use.writing);
        if (!read) {
            check(k, me, mine, use.readers, use.reading);
        }
        java.util.List<ThreadModel> threads = read ? use.readers : use.writers;
        java.util.List<String> calls = read ? use.reading : use.writing;
        threads.add(me);
        calls.add(mine);
        try {
            r.ops++;
            Coordinator.point(k, access, label); // the call is under way
            return call.proceed();
        } finally {
            int i = threads.lastIndexOf(me);
            threads.remove(i);
            calls.remove(i);
        }
    }

    /** Throws when a thread other than {@code me} is inside one of {@code calls}. */
    private static void check(
            LockModel k,
            ThreadModel me,
            String mine,
            java.util.List<ThreadModel> threads,
            java.util.List<String> calls) {
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i) != me) {
                throw overlap(k, me, mine, threads.get(i), calls.get(i));
            }
        }
    }

    private static String where(int site) {
        return Instructions.get(site).operation() + " at " + Instructions.get(site).location();
    }

    private static ConcurrentModificationException overlap(
            LockModel k, ThreadModel me, String mine, ThreadModel other, String theirs) {
        return new ConcurrentModificationException(
                "two threads use "
                        + k.name
                        + " at once, which is not thread-safe: "
                        + me.name
                        + " calls "
                        + mine
                        + " while "
                        + other.name
                        + " is inside "
                        + theirs
                        + ". Use a concurrent collection or a synchronized wrapper, or let the"
                        + " stream collect the result");
    }
}
