package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What {@code getQueue()} of a pool on a model ({@link ModeledExecutor}) hands out: the model's own
 * queue of waiting tasks, behind the {@code BlockingQueue} interface, with the capacity of the
 * queue the pool was built with. A {@code RejectedExecutionHandler} that puts the rejected task
 * into the pool's queue ({@code executor.getQueue().put(task)}, the usual way to make submitters
 * wait while the pool is saturated) queues it on the model, where a worker takes it, and its {@code
 * put} waits in the model until a worker has made room. Before, the queue was a copy: the {@code
 * put} waited on the copy, full for good, and a correct program deadlocked.
 *
 * <p>Each call is a step on the pool's model; a blocking one waits through {@link RunModel#block}.
 * As with the JDK's pool, a task put here directly starts no worker: the workers take it. A pool
 * built on a {@code SynchronousQueue} has room only for as many tasks as workers wait idle, as its
 * queue hands a task only to a waiting worker. Its iterator walks a copy, whose {@code remove}
 * takes the task out of the model's queue.
 */
final class PoolQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {

    private final ModeledExecutor model;

    /** The capacity of the pool's queue; 0 for a {@code SynchronousQueue}. */
    private final int capacity;

    PoolQueue(ModeledExecutor model) {
        this.model = model;
        ModeledExecutor.Bounds b = model.bounds;
        this.capacity = b == null ? Integer.MAX_VALUE : b.capacity();
    }

    private boolean room() {
        int n = model.queue.size();
        return capacity == 0 ? n < model.idle : n < capacity;
    }

    /** The step of a call labelled {@code label}, on a managed thread outside a JDK call. */
    private void step(Access access, String label) {
        if (!Coordinator.isManaged()) {
            return;
        }
        RunModel r = model.run;
        if (r.libraryDepth > 0) {
            return; // inside a JDK call, where no thread may switch
        }
        r.ops++;
        Coordinator.point(model.key, access, label);
    }

    /**
     * Waits until {@code ready} holds, for at most {@code nanos} (-1: no limit); false when the
     * wait timed out. Throws as the JDK's queue does when the thread is interrupted.
     */
    private boolean await(java.util.function.BooleanSupplier ready, long nanos, String label)
            throws InterruptedException {
        ThreadModel me = model.x.current();
        ThreadOps.throwIfInterrupted(me);
        while (!ready.getAsBoolean()) {
            if (nanos == 0 || !Coordinator.isManaged()) {
                return false;
            }
            boolean timed = nanos > 0;
            boolean woke =
                    model.run.block(
                            () -> ready.getAsBoolean() || me.interrupted(),
                            timed,
                            Math.max(0L, nanos),
                            model.key,
                            label);
            ThreadOps.throwIfInterrupted(me);
            if (!woke) {
                return ready.getAsBoolean();
            }
        }
        return true;
    }

    @Override
    public boolean offer(Runnable task) {
        Objects.requireNonNull(task);
        step(Access.UPDATE, "BlockingQueue.offer()");
        if (!room()) {
            return false;
        }
        model.queue.addLast(task);
        return true;
    }

    @Override
    public void put(Runnable task) throws InterruptedException {
        Objects.requireNonNull(task);
        step(Access.UPDATE, "BlockingQueue.put()");
        await(this::room, -1, "BlockingQueue.put()");
        model.queue.addLast(task);
    }

    @Override
    public boolean offer(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(task);
        step(Access.UPDATE, "BlockingQueue.offer()");
        if (!await(this::room, Math.max(0L, unit.toNanos(timeout)), "BlockingQueue.offer()")) {
            return false;
        }
        model.queue.addLast(task);
        return true;
    }

    @Override
    public Runnable poll() {
        step(Access.UPDATE, "BlockingQueue.poll()");
        return model.queue.pollFirst();
    }

    @Override
    public Runnable take() throws InterruptedException {
        step(Access.UPDATE, "BlockingQueue.take()");
        await(() -> !model.queue.isEmpty(), -1, "BlockingQueue.take()");
        return model.queue.pollFirst();
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        step(Access.UPDATE, "BlockingQueue.poll()");
        return await(
                        () -> !model.queue.isEmpty(),
                        Math.max(0L, unit.toNanos(timeout)),
                        "BlockingQueue.poll()")
                ? model.queue.pollFirst()
                : null;
    }

    @Override
    public Runnable peek() {
        step(Access.READ, "BlockingQueue.peek()");
        return model.queue.peekFirst();
    }

    @Override
    public int size() {
        step(Access.READ, "BlockingQueue.size()");
        return model.queue.size();
    }

    @Override
    public int remainingCapacity() {
        step(Access.READ, "BlockingQueue.remainingCapacity()");
        return capacity == 0
                ? 0
                : capacity == Integer.MAX_VALUE
                        ? Integer.MAX_VALUE - model.queue.size()
                        : capacity - model.queue.size();
    }

    @Override
    public boolean remove(Object task) {
        step(Access.UPDATE, "BlockingQueue.remove()");
        return model.queue.removeFirstOccurrence(task);
    }

    @Override
    public Iterator<Runnable> iterator() {
        step(Access.READ, "BlockingQueue.iterator()");
        Iterator<Runnable> copy = new ArrayList<>(model.queue).iterator();
        return new Iterator<>() {
            private Runnable last;

            @Override
            public boolean hasNext() {
                return copy.hasNext();
            }

            @Override
            public Runnable next() {
                last = copy.next();
                return last;
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException();
                }
                model.queue.removeFirstOccurrence(last);
                last = null;
            }
        };
    }

    @Override
    public int drainTo(Collection<? super Runnable> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super Runnable> c, int maxElements) {
        Objects.requireNonNull(c);
        if (c == this) {
            throw new IllegalArgumentException();
        }
        step(Access.UPDATE, "BlockingQueue.drainTo()");
        List<Runnable> taken = new ArrayList<>();
        while (taken.size() < maxElements && !model.queue.isEmpty()) {
            taken.add(model.queue.pollFirst());
        }
        c.addAll(taken);
        return taken.size();
    }
}
