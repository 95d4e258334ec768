package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.Iterator;

/**
 * A JDK iterator whose calls are scheduling points, each taken by {@link #step} before the call:
 * the iterators of collections that lock a monitor ({@link SynchronizedIterators}) and the weakly
 * consistent ones of the concurrent collections ({@link WeakIterations}).
 */
abstract class PointIterator<E> implements Iterator<E> {
    private final Iterator<E> it;

    PointIterator(Iterator<E> it) {
        this.it = it;
    }

    /** The point of a call labelled {@code label}, if the call is one. */
    abstract void step(Access access, String label);

    @Override
    public boolean hasNext() {
        step(Access.READ, "Iterator.hasNext()");
        return it.hasNext();
    }

    /**
     * The next element: the iterator's cursor moves, a change of the thread's own that no point
     * covers, so a long scan is no spin for fair scheduling ({@link Coordinator#wroteUnseen}); held
     * back as one, it would let another thread's timeout fire as if nothing else could go on, and
     * the schedules in which the scan runs ahead would not be run.
     */
    @Override
    public E next() {
        step(Access.READ, "Iterator.next()");
        E e = it.next();
        Coordinator.wroteUnseen();
        return e;
    }

    @Override
    public void remove() {
        step(Access.UPDATE, "Iterator.remove()");
        it.remove();
    }
}
