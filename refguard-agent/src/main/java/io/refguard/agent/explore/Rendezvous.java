package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ArrayDeque;
import java.util.concurrent.Exchanger;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@code SynchronousQueue} and {@code Exchanger} under exploration ({@link BlockingModels}):
 * hand-offs between two threads, kept here per object and run. The real object is not used: a
 * hand-off needs a partner really parked inside it, and explored threads park only in the model.
 */
final class Rendezvous {
    /** A thread waiting for a partner: what it offers, and what it got. */
    static final class Slot {
        final Object item;
        Object reply;
        boolean matched;

        Slot(Object item) {
            this.item = item;
        }
    }

    final ArrayDeque<Slot> producers = new ArrayDeque<>();
    final ArrayDeque<Slot> consumers = new ArrayDeque<>();

    private static Rendezvous of(LockModel k) {
        if (k.state == null) {
            k.state = new Rendezvous();
        }
        return (Rendezvous) k.state;
    }

    static Object queue(ExploringInterceptor x, LibraryCall call, SynchronousQueue<?> q)
            throws Throwable {
        String n = call.name();
        int args = call.argumentCount();
        boolean give = n.equals("put") || n.equals("offer");
        boolean take = n.equals("take") || n.equals("poll");
        if (!give && !take) {
            return BlockingModels.NOT_MODELED;
        }
        if (give && call.argument(0) == null) {
            throw new NullPointerException();
        }
        boolean blocking = n.equals("put") || n.equals("take");
        long nanos =
                blocking
                        ? -1
                        : args == (give ? 3 : 2) ? BlockingModels.nanos(call, give ? 1 : 0) : 0;
        Object res = meet(x, call, give ? call.argument(0) : null, give, nanos);
        if (give) {
            return n.equals("put") ? null : res != BlockingModels.TIMED_OUT;
        }
        return res == BlockingModels.TIMED_OUT ? null : res;
    }

    static Object exchange(ExploringInterceptor x, LibraryCall call) throws Throwable {
        if (!call.name().equals("exchange")) {
            return BlockingModels.NOT_MODELED;
        }
        long nanos = call.argumentCount() == 3 ? BlockingModels.nanos(call, 1) : -1;
        Object res = meet(x, call, call.argument(0), true, nanos);
        if (res == BlockingModels.TIMED_OUT) {
            throw new TimeoutException();
        }
        return res;
    }

    /**
     * Pairs the caller with a waiting partner of the other side (for an exchanger both sides are
     * producers: {@code exchange} pairs with any waiting exchange), or waits for one.
     */
    private static Object meet(
            ExploringInterceptor x, LibraryCall call, Object item, boolean give, long nanos)
            throws Throwable {
        boolean exchanger = call.receiver() instanceof Exchanger<?>;
        ThreadModel me = x.current();
        RunModel r = x.run();
        LockModel k = r.key(call.receiver(), call.site());
        Rendezvous s = of(k);
        String label = x.label(call.site());
        ThreadOps.throwIfInterrupted(me);
        r.ops++;
        Coordinator.point(k, Access.UPDATE, label);
        ArrayDeque<Slot> partners = exchanger || !give ? s.producers : s.consumers;
        Slot p = partners.pollFirst();
        if (p != null) {
            p.reply = item;
            p.matched = true;
            LibraryOps.changed(r, k);
            return exchanger || !give ? p.item : Boolean.TRUE;
        }
        if (nanos == 0) {
            return BlockingModels.TIMED_OUT;
        }
        Slot mine = new Slot(item);
        ArrayDeque<Slot> side = exchanger || give ? s.producers : s.consumers;
        side.addLast(mine);
        LibraryOps.changed(r, k);
        BooleanSupplier wake = () -> mine.matched || me.interrupted();
        r.block(wake, nanos > 0, nanos, k, label);
        if (mine.matched) {
            return exchanger || !give ? mine.reply : Boolean.TRUE;
        }
        side.remove(mine);
        ThreadOps.throwIfInterrupted(me);
        return BlockingModels.TIMED_OUT;
    }
}
