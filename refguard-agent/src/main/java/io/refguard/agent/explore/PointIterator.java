package io.refguard.agent.explore;

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

    @Override
    public E next() {
        step(Access.READ, "Iterator.next()");
        return it.next();
    }

    @Override
    public void remove() {
        step(Access.UPDATE, "Iterator.remove()");
        it.remove();
    }
}
