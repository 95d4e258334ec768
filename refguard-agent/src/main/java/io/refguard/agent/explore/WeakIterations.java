package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Iterations over the concurrent collections whose iterators are weakly consistent: {@code
 * ConcurrentHashMap}, {@code ConcurrentSkipListMap} and {@code Set}, the concurrent and blocking
 * queues and deques, and their views ({@code keySet()}, {@code values()}, {@code entrySet()}, sub-
 * and descending maps). Such an iterator reads the collection as it goes, so a writer can run
 * between two of its steps and a scan sees neither the entry it moved nor the one it left: a sum
 * over {@code values()} taken as a snapshot misses both. Each call being one atomic step, the whole
 * scan was one step, and that order was never tried.
 *
 * <p>Under exploration the iterator such a collection hands out is wrapped so that each {@code
 * hasNext}, {@code next} and {@code remove} is a scheduling point on the collection behind it, and
 * {@code forEach(action)} on the collection or a view walks that iterator with the action running
 * as explored code between the points, not inside one atomic call (except on {@code
 * ArrayBlockingQueue}, whose {@code forEach} holds its lock throughout). A view is the collection
 * behind it for the search's dependence: its calls are points on the collection.
 *
 * <p>A sequential {@code stream()} of such a collection or view traverses the same stepped iterator
 * instead of the collection's spliterator, which the JDK also walks live, element by element: a sum
 * by {@code values().stream()} is no snapshot either.
 *
 * <p>Left whole: the snapshot iterators ({@code CopyOnWriteArrayList} and {@code Set}, {@code
 * PriorityBlockingQueue}, {@code DelayQueue}), which copy at {@code iterator()}; the pieces of a
 * parallel stream, {@code spliterator()}, {@code toArray} and {@code toString}, whose reads each
 * stay inside one step. The steps are per element: the JDK's iterator searches for the next element
 * when it hands out the current one, and a change made during that search is not seen. The bulk
 * operations of {@code ConcurrentHashMap} ({@code reduce*}, {@code search*}, {@code
 * forEach(parallelism, ...)}) step element by element in {@link ConcurrentMapBulk}.
 */
final class WeakIterations {

    /**
     * Queues whose {@code forEach} holds their lock throughout: one step, as it is. ({@code
     * LinkedBlockingQueue} and {@code Deque} take theirs only to collect a batch of elements, and
     * run the action with it free.)
     */
    private static final Set<String> LOCKS_FOR_FOREACH =
            Set.of("java.util.concurrent.ArrayBlockingQueue");

    private WeakIterations() {}

    /**
     * Whether {@code receiver} is a concurrent collection or view with weakly consistent iterators.
     */
    static boolean applies(Object receiver) {
        if (!(receiver instanceof Collection<?> || receiver instanceof Map<?, ?>)) {
            return false;
        }
        String n = receiver.getClass().getName();
        return n.startsWith("java.util.concurrent.")
                && !n.startsWith("java.util.concurrent.CopyOnWrite")
                && !n.startsWith("java.util.concurrent.PriorityBlockingQueue")
                && !n.startsWith("java.util.concurrent.DelayQueue");
    }

    /**
     * The collection whose state {@code receiver} shows: the one it is a view of, or itself. Calls
     * on it and on its views are points on this one object.
     */
    static Object backing(RunModel r, Object receiver) {
        return r.concurrentViews.getOrDefault(receiver, receiver);
    }

    /** A call on {@code receiver}, which {@link #applies}. */
    static Object call(ExploringInterceptor x, LibraryCall call, Object receiver, Access access)
            throws Throwable {
        RunModel r = x.run();
        Object backing = backing(r, receiver);
        if (call.name().equals("forEach")
                && call.argumentCount() == 1
                && !LOCKS_FOR_FOREACH.contains(backing.getClass().getName())) {
            return forEach(x, call, receiver, backing);
        }
        String name = call.name();
        Access a =
                SharedCollections.VIEWS.contains(name)
                                || name.equals("iterator")
                                || name.equals("descendingIterator")
                        ? Access.READ
                        : access;
        Object result = LibraryOps.modeled(x, call, backing, a, call::proceed);
        if (result == null || result == receiver) {
            return result;
        }
        if (result instanceof Iterator<?> it) {
            return new Stepped<>(x, backing, call.site(), it);
        }
        if (result instanceof Stream<?>
                && name.equals("stream")
                && call.argumentCount() == 0
                && receiver instanceof Collection<?> c) {
            return stream(x, backing, call.site(), c);
        }
        if (applies(result)) {
            r.concurrentViews.put(result, backing); // keySet(), values(), headMap(), ...
        }
        return result;
    }

    /**
     * {@code forEach(action)}: a point for the call, then the iteration as {@link Stepped} does.
     */
    @SuppressWarnings("unchecked")
    private static Object forEach(
            ExploringInterceptor x, LibraryCall call, Object receiver, Object backing)
            throws Throwable {
        Object action = call.argument(0);
        Iterator<?> real =
                receiver instanceof Map<?, ?> m && action instanceof BiConsumer<?, ?>
                        ? (Iterator<?>)
                                LibraryOps.modeled(
                                        x,
                                        call,
                                        backing,
                                        Access.READ,
                                        () -> m.entrySet().iterator())
                        : receiver instanceof Collection<?> c && action instanceof Consumer<?>
                                ? (Iterator<?>)
                                        LibraryOps.modeled(
                                                x, call, backing, Access.READ, c::iterator)
                                : null;
        if (real == null) {
            return LibraryOps.modeled(x, call, backing, Access.READ, call::proceed);
        }
        java.util.Objects.requireNonNull(action);
        Stepped<?> it = new Stepped<>(x, backing, call.site(), real);
        while (it.hasNext()) {
            Object e = it.next();
            if (action instanceof BiConsumer<?, ?> each) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                ((BiConsumer<Object, Object>) each).accept(entry.getKey(), entry.getValue());
            } else {
                ((Consumer<Object>) action).accept(e);
            }
        }
        return null;
    }

    /**
     * The sequential stream of {@code c}, over a {@link Stepped} iterator. It keeps the
     * characteristics of the collection's spliterator that describe its elements and their order
     * ({@code ORDERED}, {@code DISTINCT}, {@code NONNULL}, {@code CONCURRENT}), not {@code SORTED}
     * (an iterator's spliterator cannot name the comparator, so a {@code sorted()} sorts anew) nor
     * the sizes.
     */
    private static <E> Stream<E> stream(
            ExploringInterceptor x, Object backing, int site, Collection<E> c) {
        int kept = Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL;
        int characteristics = c.spliterator().characteristics() & kept | Spliterator.CONCURRENT;
        Iterator<E> it = new Stepped<>(x, backing, site, c.iterator());
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(it, characteristics), false);
    }

    /** A weakly consistent iterator whose calls are points on the collection behind it. */
    private static final class Stepped<E> extends PointIterator<E> {
        private final ExploringInterceptor x;
        private final Object backing;
        private final int site;

        Stepped(ExploringInterceptor x, Object backing, int site, Iterator<E> it) {
            super(it);
            this.x = x;
            this.backing = backing;
            this.site = site;
        }

        @Override
        void step(Access access, String label) {
            if (!Coordinator.isManaged()) {
                return;
            }
            RunModel r = x.run();
            if (r.libraryDepth > 0) {
                return; // inside a JDK call, where no thread may switch
            }
            r.ops++;
            Coordinator.point(r.key(backing, site), access, label);
            if (access == Access.UPDATE) {
                ConcurrentMapCompute.awaitAll(r, backing); // remove() takes the map's bin
            }
        }
    }
}
