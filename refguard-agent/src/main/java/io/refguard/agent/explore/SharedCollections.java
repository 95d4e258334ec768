package io.refguard.agent.explore;

import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDK's collections and maps that are not thread-safe ({@code HashMap}, {@code ArrayList},
 * {@code HashSet}, ...) when explored threads share one: a call that nothing orders after another
 * thread's call on it, a change against anything or a read against a change, is reported as the
 * data race it is.
 *
 * <p>A call on such a collection runs inside the JDK, atomically for the explorer, so two threads'
 * {@code merge} on one {@code HashMap}, or two pieces of a parallel stream adding to one {@code
 * ArrayList}, could never lose an update in an explored run, although they do on a real machine
 * (the JDK documents that such collections must be synchronized externally). Instead each call is
 * checked against the last conflicting calls of other threads in the run's happens-before order
 * (the FastTrack check, Flanagan and Freund, PLDI 2009, at the grain of whole calls): when no lock,
 * volatile, concurrent map or queue, future, start or join orders the two, the JVM may run them at
 * the same time, and the call throws a {@link ConcurrentModificationException} naming both. The
 * runtime keeps that order wider than the program's, never narrower, so every report is a real
 * race; the price is that a race the wider order hides is not seen.
 *
 * <p>While only one thread has used a collection (built it in instrumented code, or called it
 * first), its calls are no steps and cost one mark. From the first call of a second thread on, and
 * for every call while the pieces of a parallel stream run ({@link ParallelStreams}), a call is a
 * step on the collection, so schedules interleave other threads' work between calls; that step
 * orders nothing ({@link Coordinator#unorderedPoint}), so it cannot hide the races it is checked
 * for.
 *
 * <p>A view a collection returns (a map's {@code keySet}, {@code values} or {@code entrySet}, a
 * list's {@code subList}, a sorted map's {@code headMap}, ...) is the same collection here: a call
 * on it counts as a call on the collection behind it; so is a wrapper of {@code Collections}'
 * {@code unmodifiable*} and {@code checked*} methods ({@link #wrapper}). Iterators are not checked.
 */
final class SharedCollections {

    /**
     * Reads besides {@link LibraryOps#isRead} and the {@link #VIEWS}: these leave the collection as
     * it is.
     */
    private static final Set<String> READS =
            Set.of(
                    "iterator",
                    "listIterator",
                    "stream",
                    "parallelStream",
                    "spliterator",
                    "forEach",
                    "toArray",
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
                    "comparator");

    /**
     * Reads that move the entry they find to the end of a {@code LinkedHashMap} in access order:
     * changes of such a map.
     */
    private static final Set<String> MOVES_IN_ACCESS_ORDER = Set.of("get", "getOrDefault");

    /** Calls that return a view backed by the collection they are called on. */
    static final Set<String> VIEWS =
            Set.of(
                    "keySet",
                    "values",
                    "entrySet",
                    "subList",
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
                    "reversed");

    /** A past call on a collection: its thread, where it happened in the run, its site. */
    static final class Past {
        ThreadModel thread;

        /** {@link Coordinator#happensBeforeMark} as the call was made. */
        long mark;

        int site;

        Past(ThreadModel thread, long mark, int site) {
            this.thread = thread;
            this.mark = mark;
            this.site = site;
        }
    }

    /**
     * Who uses one collection in a run, and the past calls a new one must come after (as FastTrack
     * keeps them: the last change, and each thread's last read since).
     */
    static final class Use {
        final ThreadModel first;
        boolean shared;

        /** The family of an object that is not a collection, else null. */
        UnsharedTypes type;

        /** Whether it is a {@code LinkedHashMap} in access order, whose {@code get} changes it. */
        boolean accessOrdered;

        /** The last call that changed it, or null. */
        Past change;

        /** Each thread's last call that only read it, since the last change. */
        final List<Past> reads = new ArrayList<>(2);

        /**
         * For a list whose elements a call can address alone ({@link #slot}): per index, the last
         * {@code set} and the {@code get}s since, each since the last change of the whole list;
         * null until the first such call.
         */
        Map<Integer, Slot> slots;

        Use(ThreadModel first) {
            this.first = first;
        }
    }

    /** One element of a list, as {@link Use#slots} keeps it: FastTrack's state of one location. */
    static final class Slot {
        Past set;
        final List<Past> gets = new ArrayList<>(2);
    }

    /**
     * The index {@code call} addresses alone, or -1: {@code get(i)} and {@code set(i, e)} on a
     * random-access list ({@code ArrayList}, {@code Arrays.asList}) called directly, not through a
     * view. Such a {@code set} writes one slot of the list's array and changes nothing else, and
     * such a {@code get} reads one, so calls on two indices touch different memory and are no race
     * (threads that fill a list by index, as Guava's {@code Futures.allAsList} does); a call on the
     * whole list still conflicts with them.
     */
    private static int slot(LibraryCall call, Object receiver, Object collection) {
        if (receiver != collection
                || !(receiver instanceof java.util.RandomAccess)
                || !(receiver instanceof List<?>)) {
            return -1;
        }
        String name = call.name();
        int args = call.argumentCount();
        boolean addressed = name.equals("get") && args == 1 || name.equals("set") && args == 2;
        return addressed && call.argument(0) instanceof Integer i && i >= 0 ? i : -1;
    }

    /**
     * The JDK's collections and maps that need external synchronization: not in {@code
     * java.util.concurrent}, not immutable, not one of {@code Collections}' wrappers; and the
     * program's subclasses of them that override none of their public methods (an LRU cache that
     * only overrides {@code removeEldestEntry}, which the JDK calls back). A subclass that
     * overrides one (a {@code synchronized get}) runs its own code, as written.
     */
    static final ClassValue<Boolean> APPLIES =
            new ClassValue<>() {
                @Override
                protected Boolean computeValue(Class<?> c) {
                    if (c.getClassLoader() == null) {
                        String n = c.getName();
                        return (Collection.class.isAssignableFrom(c)
                                        || Map.class.isAssignableFrom(c))
                                && n.startsWith("java.util.")
                                && !n.startsWith("java.util.concurrent.")
                                && !n.startsWith("java.util.ImmutableCollections")
                                && !n.startsWith("java.util.Collections$");
                    }
                    Class<?> jdk = c.getSuperclass();
                    while (jdk != null && jdk.getClassLoader() != null) {
                        jdk = jdk.getSuperclass();
                    }
                    return jdk != null && get(jdk) && !overridesPublicMethods(c, jdk);
                }
            };

    /** Whether a class from {@code c} up to {@code jdk} (excluded) overrides a public method. */
    private static boolean overridesPublicMethods(Class<?> c, Class<?> jdk) {
        for (Class<?> p = c; p != jdk; p = p.getSuperclass()) {
            for (java.lang.reflect.Method m : p.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                if (isPublicIn(jdk, m) && !isPublicIn(Object.class, m)) {
                    return true; // Object's methods (toString, equals, ...) keep the contents
                }
            }
        }
        return false;
    }

    /** Whether {@code type} has a public method that {@code m} overrides. */
    private static boolean isPublicIn(Class<?> type, java.lang.reflect.Method m) {
        try {
            type.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false; // the program's own method, or an override of a protected hook
        }
    }

    private SharedCollections() {}

    /**
     * {@code collection} was just built on the current thread, which is therefore its first user: a
     * call of any other thread shares it, even if the builder never called it.
     */
    static void created(ExploringInterceptor x, Object collection) {
        x.run().collectionUses.put(collection, new Use(x.current()));
        // the order starts here, not at the first call: a hand-over between the two counts
        Coordinator.happensBeforeMark();
    }

    /**
     * A call on {@code receiver}, a collection this class {@link #APPLIES applies} to (with a null
     * {@code type}), or an object of one of the {@link UnsharedTypes}.
     */
    static Object call(
            ExploringInterceptor x, LibraryCall call, Object receiver, UnsharedTypes type)
            throws Throwable {
        RunModel r = x.run();
        ThreadModel me = x.current();
        // a call on a view is a call on the collection behind it
        Object collection =
                type == null ? r.collectionViews.getOrDefault(receiver, receiver) : receiver;
        Use use = r.collectionUses.computeIfAbsent(collection, any -> new Use(me));
        use.type = type;
        use.accessOrdered = type == null && r.accessOrdered.containsKey(collection);
        boolean read =
                type != null
                        ? type.reads(call)
                        : (LibraryOps.isRead(call.name())
                                                || READS.contains(call.name())
                                                || VIEWS.contains(call.name()))
                                        && !(use.accessOrdered
                                                && MOVES_IN_ACCESS_ORDER.contains(call.name()))
                                || r.readOnlyViews.containsKey(receiver);
        int slot = type == null ? slot(call, receiver, collection) : -1;
        if (!use.shared && use.first == me && r.parallelPieces == 0) {
            if (!read) {
                // no point, yet a write of its own: a loop that fills it does not spin
                Coordinator.wroteUnseen();
            }
            // kept as a call on the whole collection: no entry per index while one thread fills it
            noted(use, me, read, -1, call.site());
            return viewed(r, call, receiver, collection, call.proceed());
        }
        LockModel k = r.key(collection, call.site());
        String mine = where(call.site());
        use.shared = true;
        Access access = read ? Access.READ : Access.UPDATE;
        String label = x.label(call.site());
        r.ops++;
        // the calls are what is checked: their steps order nothing
        Coordinator.unorderedPoint(k, access, label);
        unordered(use, me, mine, read, slot, k);
        noted(use, me, read, slot, call.site());
        return viewed(r, call, receiver, collection, LibraryOps.atomically(x, call::proceed));
    }

    /**
     * Whether {@code receiver} is a view of a collection this class applies to ({@link #viewed},
     * {@link #wrapper}); a run that made none answers without hashing.
     */
    static boolean isView(RunModel r, Object receiver) {
        return !r.collectionViews.isEmpty() && r.collectionViews.containsKey(receiver);
    }

    /**
     * Returns {@code result}, first noting it as a view of {@code collection} when {@code call}
     * returns one (a key set, a sub-list, a head map, ...): calls on the view then count as calls
     * on the collection, whichever thread makes them. A call on one of the {@link UnsharedTypes}
     * returns no such view (a buffer's {@code duplicate()} has a position of its own).
     */
    private static Object viewed(
            RunModel r, LibraryCall call, Object receiver, Object collection, Object result) {
        if (result != null
                && result != collection
                && VIEWS.contains(call.name())
                && (APPLIES.get(result.getClass()) || isView(r, receiver))) {
            r.collectionViews.put(result, collection);
            if (r.readOnlyViews.containsKey(receiver)) {
                r.readOnlyViews.put(result, Boolean.TRUE); // an unmodifiable map's key set
            }
        }
        return result;
    }

    /**
     * {@code Collections.unmodifiableList(list)}, {@code checkedMap(map, ...)} and the other
     * wrappers of {@code Collections} that call the collection they wrap: when that collection is
     * one this class {@link #APPLIES applies} to, or a view of one, the wrapper is a view of it, so
     * a thread iterating an unmodifiable view while another changes the list behind it is the race
     * it is. Every call on an unmodifiable wrapper only reads.
     */
    static Object wrapper(ExploringInterceptor x, LibraryCall call) throws Throwable {
        Object result = call.proceed();
        Object inner = call.argumentCount() > 0 ? call.argument(0) : null;
        if (result == null || inner == null || result == inner) {
            return result; // an unmodifiable wrapper of an unmodifiable wrapper is itself
        }
        RunModel r = x.run();
        Object behind = r.collectionViews.get(inner);
        if (behind == null && APPLIES.get(inner.getClass())) {
            behind = inner;
        }
        if (behind != null) {
            r.collectionViews.put(result, behind);
            if (call.name().startsWith("unmodifiable")) {
                r.readOnlyViews.put(result, Boolean.TRUE);
            }
        }
        return result;
    }

    /**
     * Notes the call {@code me} makes now as the last change, or as its last read, of the whole
     * collection or of element {@code slot} (when not -1).
     */
    private static void noted(Use use, ThreadModel me, boolean read, int slot, int site) {
        long mark = Coordinator.happensBeforeMark();
        if (slot >= 0) {
            if (use.slots == null) {
                use.slots = new java.util.HashMap<>();
            }
            Slot e = use.slots.computeIfAbsent(slot, any -> new Slot());
            if (read) {
                note(e.gets, me, mark, site);
            } else {
                e.set = new Past(me, mark, site);
                e.gets.clear();
            }
            return;
        }
        if (!read) {
            use.slots = null;
            if (use.change == null) {
                use.change = new Past(me, mark, site);
            } else {
                use.change.thread = me;
                use.change.mark = mark;
                use.change.site = site;
            }
            use.reads.clear();
            return;
        }
        note(use.reads, me, mark, site);
    }

    /** Keeps {@code me}'s read at {@code mark} in {@code reads}, one per thread. */
    private static void note(List<Past> reads, ThreadModel me, long mark, int site) {
        for (Past p : reads) {
            if (p.thread == me) {
                p.mark = mark;
                p.site = site;
                return;
            }
        }
        reads.add(new Past(me, mark, site));
    }

    /**
     * Throws when a past call of another thread that conflicts with the one {@code me} makes now (a
     * change conflicts with any call, a read with a change) did not happen before it, by the run's
     * happens-before order ({@link Coordinator#happenedBefore}): when nothing (a lock, a volatile,
     * a concurrent map or queue, a start or a join) orders them, the JVM may run the two at the
     * same time. This is the FastTrack check (Flanagan and Freund, "FastTrack: efficient and
     * precise dynamic race detection", PLDI 2009) at the grain of whole calls: it needs no schedule
     * in which the two calls overlap, only one in which both happen.
     */
    private static void unordered(
            Use use, ThreadModel me, String mine, boolean read, int slot, LockModel k) {
        check(use.change, me, mine, use, k);
        if (!read) {
            check(use.reads, me, mine, use, k);
        }
        if (use.slots == null) {
            return;
        }
        if (slot >= 0) {
            // one element: the calls on it, besides those on the whole list above
            Slot e = use.slots.get(slot);
            if (e != null) {
                check(e.set, me, mine, use, k);
                if (!read) {
                    check(e.gets, me, mine, use, k);
                }
            }
            return;
        }
        for (Slot e : use.slots.values()) {
            check(e.set, me, mine, use, k);
            if (!read) {
                check(e.gets, me, mine, use, k);
            }
        }
    }

    private static void check(List<Past> past, ThreadModel me, String mine, Use use, LockModel k) {
        for (Past p : past) {
            check(p, me, mine, use, k);
        }
    }

    /** Throws when {@code p}, a past call of another thread, did not happen before this one. */
    private static void check(Past p, ThreadModel me, String mine, Use use, LockModel k) {
        if (p != null && p.thread != me && !Coordinator.happenedBefore(p.mark)) {
            throw unordered(k, me, mine, p, use);
        }
    }

    private static ConcurrentModificationException unordered(
            LockModel k, ThreadModel me, String mine, Past theirs, Use use) {
        return new ConcurrentModificationException(
                "two threads use "
                        + k.name
                        + " without synchronization, which is not thread-safe: "
                        + me.name
                        + " calls "
                        + mine
                        + ", and "
                        + theirs.thread.name
                        + " called "
                        + where(theirs.site)
                        + " with nothing to order the two calls (no lock, volatile, hand-over or"
                        + " join between them). "
                        + (use.accessOrdered
                                ? "The map is a LinkedHashMap in access order: its get() moves the"
                                        + " entry it finds to the end, which changes the map, so"
                                        + " gets need an exclusive lock (a shared read lock does"
                                        + " not order them). "
                                : "")
                        + "Guard every use with one lock, or "
                        + (use.type != null
                                ? use.type.advice()
                                : "use a concurrent collection or a synchronized wrapper"));
    }

    private static String where(int site) {
        return Instructions.get(site).operation() + " at " + Instructions.get(site).location();
    }
}
