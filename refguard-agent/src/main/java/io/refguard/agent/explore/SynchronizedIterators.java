package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.Iterator;
import java.util.ListIterator;

/**
 * The iterators of {@code Collections.synchronized*} wrappers, {@code Vector} and the other
 * collections that lock a monitor. Their methods take the lock, but the iterator they return is the
 * collection's own and takes none: the JDK leaves it to the caller to hold the collection's monitor
 * while iterating. Under exploration such an iterator is handed out wrapped, so that each call on
 * it made without holding the monitor is a scheduling point on that monitor: another thread's
 * change through the collection can come between two steps of the iteration, even when the loop
 * body has no point, and the collection's fail-fast check throws {@code
 * ConcurrentModificationException}, as it can on a real machine. While the caller holds the
 * monitor, the calls are the original ones with no point. Other code pays nothing: only the
 * iterators of these collections are wrapped, and only under exploration.
 */
final class SynchronizedIterators {

    private SynchronizedIterators() {}

    /** {@code it}, from a collection locking {@code mutex}, wrapped as the class describes. */
    static Iterator<?> wrap(ExploringInterceptor x, Object mutex, Iterator<?> it) {
        return it instanceof ListIterator<?> li
                ? new Listed<>(x, mutex, li)
                : new Guarded<>(x, mutex, it);
    }

    /**
     * The sequential stream of {@code collection}, which locks {@code mutex}: the JDK's traverses
     * the collection's own spliterator without the lock, in one go inside the stream's terminal
     * operation. This one traverses a {@link #wrap wrapped} iterator, so each element taken without
     * holding the monitor is a step, and another thread's change between two of them makes the
     * fail-fast iterator throw as the JDK's spliterator would at the end.
     */
    static <E> java.util.stream.Stream<E> stream(
            ExploringInterceptor x, Object mutex, java.util.Collection<E> collection) {
        @SuppressWarnings("unchecked") // the collection's own iterator, which locks nothing
        Iterator<E> guarded = (Iterator<E>) wrap(x, mutex, collection.iterator());
        int characteristics =
                collection instanceof java.util.List<?> ? java.util.Spliterator.ORDERED : 0;
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(guarded, characteristics), false);
    }

    private static class Guarded<E> extends PointIterator<E> {
        private final ExploringInterceptor x;
        private final Object mutex;

        Guarded(ExploringInterceptor x, Object mutex, Iterator<E> it) {
            super(it);
            this.x = x;
            this.mutex = mutex;
        }

        /** The step of a call labelled {@code label}, unless the caller holds the monitor. */
        @Override
        final void step(Access access, String label) {
            if (!Coordinator.isManaged()) {
                return;
            }
            RunModel r = x.run();
            if (r.libraryDepth > 0) {
                return; // inside a JDK call, where no thread may switch
            }
            LockModel held = r.existingKey(mutex);
            if (held != null && Coordinator.holdCount(held) > 0) {
                return;
            }
            r.ops++;
            Coordinator.point(r.key(mutex, "Monitor#"), access, label);
        }
    }

    private static final class Listed<E> extends Guarded<E> implements ListIterator<E> {
        private final ListIterator<E> li;

        Listed(ExploringInterceptor x, Object mutex, ListIterator<E> li) {
            super(x, mutex, li);
            this.li = li;
        }

        @Override
        public boolean hasPrevious() {
            step(Access.READ, "ListIterator.hasPrevious()");
            return li.hasPrevious();
        }

        @Override
        public E previous() {
            step(Access.READ, "ListIterator.previous()");
            return li.previous();
        }

        @Override
        public int nextIndex() {
            return li.nextIndex();
        }

        @Override
        public int previousIndex() {
            return li.previousIndex();
        }

        @Override
        public void set(E e) {
            step(Access.UPDATE, "ListIterator.set()");
            li.set(e);
        }

        @Override
        public void add(E e) {
            step(Access.UPDATE, "ListIterator.add()");
            li.add(e);
        }
    }
}
