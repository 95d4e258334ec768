package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JDK calls that run the program's code on the calling thread: the action of {@code forEach}, the
 * filter of {@code removeIf}, the function of {@code replaceAll}, {@code compute*} and {@code
 * merge}, the comparator of {@code sort}. The program's code runs as explored code, with its own
 * scheduling points, not inside the call's one atomic step: two accesses it makes are not one step,
 * so another thread can come between them, as it can in the JDK. Run atomically, a lost update
 * between a {@code compute} function and another thread's code was "verified", and so was a
 * lock-order deadlock between a lock the JDK holds and one the function takes.
 *
 * <p>While the program's code runs, the call holds what the JDK holds, in the model:
 *
 * <ul>
 *   <li>{@link Hold#MONITOR}: the classes that synchronize on a monitor ({@code Hashtable}, {@code
 *       Vector}, the {@code Collections.synchronized*} wrappers and their views) run these methods
 *       with it held. The call takes the runtime's lock of that monitor at its step, the lock the
 *       program's own {@code synchronized} blocks on the object take, and lets it go when it
 *       returns: other threads' calls on the object and blocks synchronized on it wait, and a
 *       monitor the function takes meanwhile is a nested lock, in deadlock reports too.
 *   <li>{@link Hold#UPDATES}: {@code CopyOnWriteArrayList} runs {@code removeIf}, {@code
 *       replaceAll} and {@code sort} holding the list's lock, which its updates take and its reads
 *       do not. A lock of the model stands for it ({@link #updateLock}, named {@code list.lock});
 *       other threads' updates of the list wait for it ({@link #awaitUpdates}).
 *   <li>{@link Hold#NONE}: {@code CopyOnWriteArrayList.forEach} (over a snapshot), the {@code
 *       compute*} and {@code merge} of {@code ConcurrentSkipListMap}, the {@code removeIf} of the
 *       non-blocking queues and skip lists and of {@code LinkedBlockingQueue} and {@code Deque}
 *       (which test the filter with their locks free), and the views of these: nothing is held.
 * </ul>
 *
 * <p>{@code ConcurrentHashMap}'s {@code compute*} and {@code merge} run in steps of their own
 * ({@link ConcurrentMapCompute}); its {@code replaceAll} and its views' {@code removeIf} stay one
 * step each, which waits for the keys other threads compute.
 *
 * <p>Left atomic: the other blocking queues, which run callbacks holding a lock that their every
 * operation takes ({@code ArrayBlockingQueue}, {@code PriorityBlockingQueue}); a {@code
 * Collections.synchronized*} wrapper around a concurrent collection, or one whose collection
 * refguard cannot read ({@link #locksOnlyMonitor}). Waiting for a paused function's lock is modeled
 * for the calls on a collection and its views and for its iterators' {@code remove}, not for {@code
 * setValue} on a map's entry. A weakly consistent collection's {@code forEach} steps element by
 * element ({@link WeakIterations}).
 */
final class Callbacks {

    /** How the JDK runs the program's code of a call. */
    enum Hold {
        /** Holding no lock. */
        NONE,
        /** Holding the receiver's monitor, which the program's {@code synchronized} also takes. */
        MONITOR,
        /** Holding a lock that the collection's updates take and its reads do not. */
        UPDATES
    }

    /** The methods that take the program's code as a function, action, filter or comparator. */
    private static final Set<String> NAMES =
            Set.of(
                    "forEach",
                    "removeIf",
                    "replaceAll",
                    "sort",
                    "compute",
                    "computeIfAbsent",
                    "computeIfPresent",
                    "merge");

    /** Collections whose {@code removeIf} tests the filter with no lock of theirs held. */
    private static final Set<String> LOCK_FREE_FILTERS =
            Set.of(
                    "java.util.concurrent.ConcurrentLinkedQueue",
                    "java.util.concurrent.ConcurrentLinkedDeque",
                    "java.util.concurrent.LinkedTransferQueue",
                    "java.util.concurrent.LinkedBlockingQueue",
                    "java.util.concurrent.LinkedBlockingDeque",
                    "java.util.concurrent.ConcurrentSkipListSet");

    private Callbacks() {}

    /**
     * How the JDK runs the program's code of {@code call} on {@code receiver}, a class of the JDK
     * that refguard models; null when the call runs none, or runs it where it stays one atomic
     * step.
     */
    static Hold hold(RunModel r, LibraryCall call, Object receiver) {
        String name = call.name();
        if (call.argumentCount() == 0 || !NAMES.contains(name)) {
            return null;
        }
        Object mutex = LibraryOps.mutexOf(r, receiver);
        if (mutex != null) {
            return locksOnlyMonitor(mutex) ? Hold.MONITOR : null;
        }
        if (receiver.getClass().getName().startsWith("java.util.concurrent.CopyOnWrite")) {
            return name.equals("forEach") ? Hold.NONE : Hold.UPDATES;
        }
        if (!WeakIterations.applies(receiver) || name.equals("forEach")) {
            return null;
        }
        Object backing = WeakIterations.backing(r, receiver);
        if (backing instanceof ConcurrentHashMap<?, ?>) {
            return null; // ConcurrentMapCompute; replaceAll, a view's removeIf: one step
        }
        if (backing instanceof java.util.concurrent.ConcurrentSkipListMap<?, ?>) {
            return Hold.NONE;
        }
        return name.equals("removeIf") && LOCK_FREE_FILTERS.contains(backing.getClass().getName())
                ? Hold.NONE
                : null;
    }

    /**
     * Whether the calls that lock {@code mutex} hold no other lock of the JDK's while they run the
     * program's code: true for {@code Hashtable} or {@code Vector}, and for a {@code
     * Collections.synchronized*} wrapper around a collection outside {@code java.util.concurrent}.
     * A wrapper around a {@code ConcurrentHashMap} would also hold the bin of the key, which the
     * map's own callers, not going through the wrapper, could wait for while the function is
     * paused; so could a wrapper whose collection refguard cannot read ({@link
     * SynchronizedWrappers}): their calls stay atomic.
     */
    private static boolean locksOnlyMonitor(Object mutex) {
        Class<?> type = mutex.getClass();
        if (!type.getName().startsWith("java.util.Collections$Synchronized")) {
            return true;
        }
        Object inside = SynchronizedWrappers.inside(mutex);
        return inside != null && !inside.getClass().getName().startsWith("java.util.concurrent.");
    }

    /**
     * Runs {@code call}, for which {@link #hold} is {@code hold}: one step on the collection,
     * taking the lock that stands for what the JDK holds, then the call with the program's code
     * explored.
     */
    static Object call(ExploringInterceptor x, LibraryCall call, Hold hold, Access access)
            throws Throwable {
        RunModel r = x.run();
        r.ops++;
        Object receiver = call.receiver();
        Object target = hold == Hold.MONITOR ? receiver : WeakIterations.backing(r, receiver);
        LockModel k = r.key(target, call.site());
        Coordinator.point(k, access, x.label(call.site()));
        LockModel held =
                switch (hold) {
                    case MONITOR -> r.key(LibraryOps.mutexOf(r, receiver), call.site());
                    case UPDATES -> updateLock(r, target, k);
                    case NONE -> null;
                };
        if (held != null) {
            Coordinator.take(held);
        }
        if (Coordinator.tracing()) {
            Coordinator.showValues(CallValues.arguments(r, call), null);
        }
        if (access != Access.READ) {
            LibraryOps.changed(r, k);
        }
        try {
            return call.proceed();
        } finally {
            if (held != null) {
                MonitorOps.release(held);
            }
            // what the program's code did happens before later calls on the collection
            Coordinator.operationDone(k);
            if (access != Access.READ) {
                LibraryOps.changed(r, k); // threads waiting for it look again
            }
        }
    }

    /** The lock of the model that {@code collection}'s updates take ({@link Hold#UPDATES}). */
    private static LockModel updateLock(RunModel r, Object collection, LockModel k) {
        LockModel l = r.updateLocks.get(collection);
        if (l == null) {
            l = new LockModel(collection, k.name + ".lock");
            r.updateLocks.put(collection, l);
        }
        return l;
    }

    /**
     * Before an update of {@code collection} by an atomic call: while another thread runs the
     * program's code of a call that holds the collection's lock ({@link Hold#UPDATES}), the JDK
     * would make the update wait for it, and so does the model ({@link MonitorOps#awaitFree}). The
     * caller has made its point.
     */
    static void awaitUpdates(RunModel r, Object collection) {
        if (r.updateLocks.isEmpty()) {
            return; // no such call in this run yet: no lookup per update
        }
        LockModel l = r.updateLocks.get(collection);
        if (l != null) {
            MonitorOps.awaitFree(l);
        }
    }
}
