package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryBridge;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ConcurrentModificationException;
import java.util.Set;

/**
 * The JDK's collections that are not thread-safe ({@code HashMap}, {@code ArrayList}, ...) when
 * explored threads share one: a use that overlaps another thread's change is reported as the race
 * it is.
 *
 * <p>A call on such a collection runs inside the JDK, atomically for the explorer, so two threads'
 * {@code merge} on one {@code HashMap} could never lose an update in an explored run, although they
 * do on a real machine (the JDK documents that concurrent structural changes must be synchronized
 * externally). So while only one thread has used a collection (built it, through instrumented code,
 * or called it), its calls cost nothing; from the first call of a second thread on, each call is a
 * scheduling point on the collection, and a change ({@link #CHANGES}) keeps its thread
 * <em>inside</em> the collection until one more point after the call: another thread that calls
 * into the same collection then, a change or a read, is in a data race with it, and gets a {@link
 * ConcurrentModificationException} naming both calls. A collection guarded by a lock never shows
 * the overlap (the other thread waits for the lock), nor one handed over with a happens-before edge
 * (the other thread has not got it yet), so every report is a real race.
 */
final class SharedCollections {

    static final ClassValue<Boolean> APPLIES =
            new ClassValue<>() {
                @Override
                protected Boolean computeValue(Class<?> c) {
                    return c.getClassLoader() == null
                            && LibraryBridge.isUnsynchronizedCollection(c.getName());
                }
            };

    /** The calls that change a collection; any other call only reads it. */
    static final Set<String> CHANGES =
            Set.of(
                    "add",
                    "addAll",
                    "addFirst",
                    "addLast",
                    "clear",
                    "compute",
                    "computeIfAbsent",
                    "computeIfPresent",
                    "ensureCapacity",
                    "merge",
                    "offer",
                    "offerFirst",
                    "offerLast",
                    "poll",
                    "pollFirst",
                    "pollFirstEntry",
                    "pollLast",
                    "pollLastEntry",
                    "pop",
                    "push",
                    "put",
                    "putAll",
                    "putFirst",
                    "putIfAbsent",
                    "putLast",
                    "remove",
                    "removeAll",
                    "removeFirst",
                    "removeIf",
                    "removeLast",
                    "replace",
                    "replaceAll",
                    "retainAll",
                    "set",
                    "sort",
                    "trimToSize");

    /** Who uses one collection in a run. */
    static final class Use {
        final ThreadModel first;
        boolean shared;
        ThreadModel inside; // a thread between its change and the point after it
        String insideCall;

        Use(ThreadModel first) {
            this.first = first;
        }
    }

    private SharedCollections() {}

    /**
     * {@code collection} was just built on the current thread, which is therefore its first user: a
     * call of any other thread shares it, even if the builder never called it.
     */
    static void created(ExploringInterceptor x, Object collection) {
        x.run().collectionUses.put(collection, new Use(x.current()));
    }

    /** A call on {@code receiver}, an {@link #APPLIES unsynchronized} JDK collection. */
    static Object call(ExploringInterceptor x, LibraryCall call, Object receiver) throws Throwable {
        RunModel r = x.run();
        ThreadModel me = x.current();
        Use use = r.collectionUses.computeIfAbsent(receiver, k -> new Use(me));
        if (!use.shared && use.first == me) {
            return call.proceed();
        }
        use.shared = true;
        boolean changes = CHANGES.contains(call.name());
        LockModel k = r.key(receiver, call.site());
        String label = x.label(call.site());
        r.ops++;
        Coordinator.point(k, changes ? Access.UPDATE : Access.READ, label);
        if (use.inside != null && use.inside != me) {
            throw new ConcurrentModificationException(
                    "refguard: "
                            + label
                            + " on thread "
                            + me.name
                            + " while thread "
                            + use.inside.name
                            + " was inside "
                            + use.insideCall
                            + " on the same "
                            + RunModel.simpleName(receiver.getClass())
                            + ", which is not thread-safe: a data race. Guard every use with one"
                            + " lock, or use a concurrent collection");
        }
        if (!changes) {
            return LibraryOps.atomically(x, call::proceed);
        }
        use.inside = me;
        use.insideCall = label;
        try {
            Object result = LibraryOps.atomically(x, call::proceed);
            Coordinator.point(k, Access.UPDATE, label + " returns");
            return result;
        } finally {
            use.inside = null;
            use.insideCall = null;
        }
    }
}
