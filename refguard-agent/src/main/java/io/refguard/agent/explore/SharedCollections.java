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
 * {@code HashSet}, ...) when explored threads share one: a call that overlaps another thread's call
 * on it, a change against anything or a read against a change, is reported as the data race it is.
 *
 * <p>A call on such a collection runs inside the JDK, atomically for the explorer, so two threads'
 * {@code merge} on one {@code HashMap}, or two pieces of a parallel stream adding to one {@code
 * ArrayList}, could never lose an update in an explored run, although they do on a real machine
 * (the JDK documents that such collections must be synchronized externally). So while only one
 * thread has used a collection (built it in instrumented code, or called it first), its calls cost
 * nothing. From the first call of a second thread on, and for every call while the pieces of a
 * parallel stream run ({@link ParallelStreams}: the caller's own first piece races with the
 * others), a call is two steps on the collection: one as it starts and one while it is under way. A
 * thread that starts a call while another thread is inside one has found two threads in the
 * collection at once, and throws a {@link ConcurrentModificationException} naming both calls. The
 * check is sound: the explorer models every lock and monitor, and a hand-over with a happens-before
 * edge (start, join, a queue, a volatile flag) keeps the other thread away until the first call is
 * over, so a schedule in which two calls overlap is one the JVM can run.
 *
 * <p>A view a collection returns (a map's {@code keySet}, {@code values} or {@code entrySet}, a
 * list's {@code subList}, a sorted map's {@code headMap}, ...) is the same collection here: a call
 * on it counts as a call on the collection behind it. Iterators are not checked.
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

    /** Calls that return a view backed by the collection they are called on. */
    private static final Set<String> VIEWS =
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

    /** Who uses one collection in a run, and who is inside a call on it now. */
    static final class Use {
        final ThreadModel first;
        boolean shared;

        /**
         * Where the first user's last call that changed it while unshared happened ({@link
         * Coordinator#happensBeforeMark}), or -1; its site.
         */
        long lastChange = -1;

        int lastChangeSite;

        /** As {@link #lastChange}, for the first user's last call that only read it. */
        long lastRead = -1;

        int lastReadSite;
        final List<ThreadModel> writers = new ArrayList<>();
        final List<String> writing = new ArrayList<>();
        final List<ThreadModel> readers = new ArrayList<>();
        final List<String> reading = new ArrayList<>();

        Use(ThreadModel first) {
            this.first = first;
        }
    }

    /**
     * The JDK's collections and maps that need external synchronization: not in {@code
     * java.util.concurrent}, not immutable, not one of {@code Collections}' wrappers.
     */
    static final ClassValue<Boolean> APPLIES =
            new ClassValue<>() {
                @Override
                protected Boolean computeValue(Class<?> c) {
                    String n = c.getName();
                    return c.getClassLoader() == null
                            && (Collection.class.isAssignableFrom(c)
                                    || Map.class.isAssignableFrom(c))
                            && n.startsWith("java.util.")
                            && !n.startsWith("java.util.concurrent.")
                            && !n.startsWith("java.util.ImmutableCollections")
                            && !n.startsWith("java.util.Collections$");
                }
            };

    private SharedCollections() {}

    /**
     * {@code collection} was just built on the current thread, which is therefore its first user: a
     * call of any other thread shares it, even if the builder never called it.
     */
    static void created(ExploringInterceptor x, Object collection) {
        x.run().collectionUses.put(collection, new Use(x.current()));
    }

    /** A call on {@code receiver}, a collection this class {@link #APPLIES applies} to. */
    static Object call(ExploringInterceptor x, LibraryCall call, Object receiver) throws Throwable {
        RunModel r = x.run();
        ThreadModel me = x.current();
        // a call on a view is a call on the collection behind it
        Object collection = r.collectionViews.getOrDefault(receiver, receiver);
        Use use = r.collectionUses.computeIfAbsent(collection, any -> new Use(me));
        boolean read =
                LibraryOps.isRead(call.name())
                        || READS.contains(call.name())
                        || VIEWS.contains(call.name());
        if (!use.shared && use.first == me && r.parallelPieces == 0) {
            if (read) {
                use.lastRead = Coordinator.happensBeforeMark();
                use.lastReadSite = call.site();
            } else {
                use.lastChange = Coordinator.happensBeforeMark();
                use.lastChangeSite = call.site();
            }
            return viewed(r, call, collection, call.proceed());
        }
        LockModel k = r.key(collection, call.site());
        String mine = where(call.site());
        if (use.first != me) {
            unorderedWithFirstUse(k, use, me, mine, read);
        }
        use.shared = true;
        Access access = read ? Access.READ : Access.UPDATE;
        String label = x.label(call.site());
        r.ops++;
        Coordinator.point(k, access, label);
        check(k, me, mine, use.writers, use.writing);
        if (!read) {
            check(k, me, mine, use.readers, use.reading);
        }
        List<ThreadModel> threads = read ? use.readers : use.writers;
        List<String> calls = read ? use.reading : use.writing;
        threads.add(me);
        calls.add(mine);
        try {
            r.ops++;
            // the call is under way: its own label, so that fair scheduling does not count the
            // call's two steps as a read repeated by a spinning thread
            Coordinator.point(k, access, label + ", under way");
            return viewed(r, call, collection, LibraryOps.atomically(x, call::proceed));
        } finally {
            int i = threads.lastIndexOf(me);
            threads.remove(i);
            calls.remove(i);
        }
    }

    /**
     * Returns {@code result}, first noting it as a view of {@code collection} when {@code call}
     * returns one (a key set, a sub-list, a head map, ...): calls on the view then count as calls
     * on the collection, whichever thread makes them.
     */
    private static Object viewed(RunModel r, LibraryCall call, Object collection, Object result) {
        if (result != null
                && result != collection
                && VIEWS.contains(call.name())
                && APPLIES.get(result.getClass())) {
            r.collectionViews.put(result, collection);
        }
        return result;
    }

    /**
     * A call of {@code me} on a collection another thread used alone before it was shared: throws
     * when the first user's last unshared call that conflicts with it (a change conflicts with any
     * call, a read with a change) did not happen before it. Those calls were no steps, so no
     * schedule puts this call inside one of them; instead the run's happens-before order ({@link
     * Coordinator#happenedBefore}) tells whether anything (a lock, a volatile, a concurrent map or
     * queue, a start or a join) orders them. When nothing does, the JVM may run the two at the same
     * time. Checked on every call of another thread: it costs one comparison, and a thread whose
     * earlier call was ordered has its later ones ordered too.
     */
    private static void unorderedWithFirstUse(
            LockModel k, Use use, ThreadModel me, String mine, boolean read) {
        long mark = use.lastChange;
        int theirs = use.lastChangeSite;
        if (!read && (mark < 0 || Coordinator.happenedBefore(mark))) {
            mark = use.lastRead;
            theirs = use.lastReadSite;
        }
        if (mark < 0 || Coordinator.happenedBefore(mark)) {
            return;
        }
        throw new ConcurrentModificationException(
                "two threads use "
                        + k.name
                        + " without synchronization, which is not thread-safe: "
                        + me.name
                        + " calls "
                        + mine
                        + ", and "
                        + use.first.name
                        + " called "
                        + where(theirs)
                        + " with nothing to order the two calls (no lock, volatile, hand-over or"
                        + " join between them). Guard every use with one lock, or use a concurrent"
                        + " collection or a synchronized wrapper");
    }

    /** Throws when a thread other than {@code me} is inside one of {@code calls}. */
    private static void check(
            LockModel k,
            ThreadModel me,
            String mine,
            List<ThreadModel> threads,
            List<String> calls) {
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
                        + ". Guard every use with one lock, or use a concurrent collection or a"
                        + " synchronized wrapper");
    }
}
