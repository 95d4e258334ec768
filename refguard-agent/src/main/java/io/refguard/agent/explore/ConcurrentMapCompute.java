package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code compute}, {@code computeIfAbsent}, {@code computeIfPresent} and {@code merge} of a {@code
 * ConcurrentHashMap}, with the program's function run as explored code.
 *
 * <p>The JDK runs the function holding the monitor of the key's bin, which no other thread's update
 * of a key in that bin (or growth of the table) can pass. Running the JDK's method with the
 * function paused at a scheduling point inside would leave that monitor held for real, and another
 * explored thread's {@code put} would block on it where the explorer cannot see. So the operation
 * runs as its specification says, in steps that hold no lock of the JDK's: read the key's value,
 * apply the function, then put or remove the result. What makes it atomic is a lock of the model
 * per key being computed, taken at the call's step: another thread's update of the same key (a
 * {@code put}, a {@code replace}, another {@code compute}) waits for it ({@link #awaitKey}), as the
 * documentation says it may; updates that may touch any key ({@code clear}, {@code putAll}, {@code
 * replaceAll}, a view's {@code removeIf}, an iterator's {@code remove}) wait for every key being
 * computed; reads never wait. Updates of other keys go on, where the JDK lets them go on unless the
 * two keys share a bin: a property of the table's size at the time, which no program should rely
 * on. So two functions of two keys can overlap, and a counter both update without synchronization
 * loses an update, as it can in the JDK.
 *
 * <p>Only {@code ConcurrentHashMap} itself: a subclass's {@code put} may be the program's own,
 * which the JDK's {@code compute} never calls; its calls stay atomic. Not waited for: {@code
 * setValue} on an entry of the map, and updates made inside another JDK call's callbacks.
 */
final class ConcurrentMapCompute {

    private static final Set<String> NAMES =
            Set.of("compute", "computeIfAbsent", "computeIfPresent", "merge");

    /** Updates of the map that change one key, its first argument. */
    private static final Set<String> ONE_KEY = Set.of("put", "putIfAbsent", "remove", "replace");

    /** The keys of one map that threads compute now, each with the lock of the model it holds. */
    static final class Computing {
        final HashMap<Object, LockModel> keys = new HashMap<>();

        /** How many computations are under way; none: updates need not look. */
        int active;
    }

    private ConcurrentMapCompute() {}

    /** Whether {@code call} on {@code receiver} is one of these operations. */
    static boolean applies(LibraryCall call, Object receiver) {
        return receiver.getClass() == ConcurrentHashMap.class
                && NAMES.contains(call.name())
                && call.argumentCount() == (call.name().equals("merge") ? 3 : 2);
    }

    @SuppressWarnings("unchecked")
    static Object call(ExploringInterceptor x, LibraryCall call) throws Throwable {
        RunModel r = x.run();
        r.ops++;
        ConcurrentHashMap<Object, Object> map = (ConcurrentHashMap<Object, Object>) call.receiver();
        LockModel k = r.key(map, call.site());
        Coordinator.point(k, Access.UPDATE, x.label(call.site()));
        Object key = call.argument(0);
        Object last = call.argument(call.argumentCount() - 1);
        if (key == null
                || last == null
                || (call.argumentCount() == 3 && call.argument(1) == null)) {
            return call.proceed(); // throws the NullPointerException
        }
        refuseRecursive(r, map, call.name());
        Computing c = r.computing.computeIfAbsent(map, m -> new Computing());
        LockModel held = keyLock(r, c, k, key);
        Coordinator.take(held); // waits while another thread computes this key
        c.active++;
        if (Coordinator.tracing()) {
            Coordinator.showValues(CallValues.arguments(r, call), null);
        }
        LibraryOps.changed(r, k);
        try {
            Object old = quietly(r, () -> map.get(key));
            Object value;
            switch (call.name()) {
                case "computeIfAbsent" -> {
                    if (old != null) {
                        return old;
                    }
                    value = ((Function<Object, Object>) last).apply(key);
                }
                case "computeIfPresent" -> {
                    if (old == null) {
                        return null;
                    }
                    value = ((BiFunction<Object, Object, Object>) last).apply(key, old);
                }
                case "compute" ->
                        value = ((BiFunction<Object, Object, Object>) last).apply(key, old);
                default -> { // merge
                    Object given = call.argument(1);
                    value =
                            old == null
                                    ? given
                                    : ((BiFunction<Object, Object, Object>) last).apply(old, given);
                }
            }
            if (value != null) {
                quietly(r, () -> map.put(key, value));
            } else if (old != null) {
                quietly(r, () -> map.remove(key));
            }
            return value;
        } finally {
            c.active--;
            MonitorOps.release(held);
            Coordinator.operationDone(k); // the function's writes happen before later reads
            LibraryOps.changed(r, k);
        }
    }

    /**
     * Before an update of {@code map} by the atomic call {@code call} (the caller made its point):
     * while another thread computes a key the update may change, waits until it is done, taking its
     * lock and letting it go, so that a deadlock report names the thread it waits for. A call on
     * one key waits for that key; any other update for every key being computed.
     */
    static void awaitKey(RunModel r, Object map, LibraryCall call) {
        if (r.computing.isEmpty()) {
            return; // no computation in this run yet: no lookup per update
        }
        Computing c = r.computing.get(map);
        if (c == null || c.active == 0) {
            return;
        }
        refuseRecursive(r, map, call == null ? "update" : call.name());
        if (call != null
                && call.receiver() == map
                && ONE_KEY.contains(call.name())
                && call.argumentCount() >= 1
                && call.argument(0) != null) {
            Object key = call.argument(0);
            LockModel l = quietly(r, () -> c.keys.get(key));
            if (l != null) {
                MonitorOps.awaitFree(l);
            }
            return;
        }
        awaitAll(r, map);
    }

    /**
     * Throws when the calling thread, inside the function of its own {@code compute*} or {@code
     * merge} on {@code map}, updates {@code map}: its documentation forbids the function to update
     * any other mapping of the map. The JDK throws {@code IllegalStateException("Recursive
     * update")} when the two keys share a bin, and two threads that do this for each other's keys
     * can deadlock on the bins' monitors; which keys share a bin depends on the table's size.
     * Reported as the JDK would report the first case, naming both operations, in every run.
     */
    private static void refuseRecursive(RunModel r, Object map, String operation) {
        Computing c = r.computing.get(map);
        if (c == null || c.active == 0) {
            return;
        }
        for (LockModel l : c.keys.values()) {
            if (Coordinator.holdCount(l) > 0) {
                throw new IllegalStateException(
                        "Recursive update: "
                                + operation
                                + " on "
                                + l.name.substring(0, l.name.lastIndexOf('['))
                                + " inside the function that computes "
                                + l.name
                                + ". ConcurrentHashMap forbids a compute or merge function to"
                                + " update the map: the JDK throws this exception when the two"
                                + " keys share a bin, and two threads doing it can deadlock on the"
                                + " bins. Compute the other value outside the function, or keep"
                                + " it in another map.");
            }
        }
    }

    /** Waits until no other thread computes a key of {@code map}. */
    static void awaitAll(RunModel r, Object map) {
        Computing c = r.computing.get(map);
        if (c == null) {
            return;
        }
        for (boolean waited = true; waited; ) {
            waited = false;
            for (LockModel l : c.keys.values()) {
                if (Coordinator.isLocked(l) && Coordinator.holdCount(l) == 0) {
                    MonitorOps.awaitFree(l);
                    waited = true;
                    break; // the keys may have changed meanwhile
                }
            }
        }
    }

    /**
     * The lock of the model for computing {@code key}, named after the map and the key. It stays
     * for the run: a thread waiting for it must not find another lock for the same key made after.
     */
    private static LockModel keyLock(RunModel r, Computing c, LockModel k, Object key) {
        LockModel l = quietly(r, () -> c.keys.get(key));
        if (l == null) {
            l = new LockModel(key, k.name + "[" + CallValues.of(r, key) + "]");
            LockModel made = l;
            quietly(r, () -> c.keys.put(key, made));
        }
        return l;
    }

    /**
     * Runs {@code body}, a use of the program's keys whose {@code hashCode} and {@code equals} may
     * be instrumented code, with no scheduling point, as inside a JDK call.
     */
    private static <T> T quietly(RunModel r, Supplier<T> body) {
        r.libraryDepth++;
        try {
            return body.get();
        } finally {
            r.libraryDepth--;
        }
    }
}
