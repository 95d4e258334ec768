package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryBridge;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@code CyclicBarrier} under exploration ({@link BlockingModels}): arrivals, generation and
 * breakage are kept here, per barrier and run; the real barrier is never awaited. The action the
 * program gave the constructor (known only when instrumented code built the barrier, see {@code
 * LibraryBridge.barrierCreated}) runs on the last thread to arrive, as the JDK's does.
 */
final class BarrierModel {
    int arrived;
    int generation;
    boolean broken;

    /**
     * The last generation that {@code reset()} ended while threads waited in it: as in the JDK,
     * they get a {@code BrokenBarrierException}, and the next generation starts whole.
     */
    int resetGeneration = -1;

    static Object call(
            ExploringInterceptor x, LibraryCall call, CyclicBarrier b, String n, int args)
            throws Throwable {
        RunModel r = x.run();
        LockModel k = r.key(b, call.site());
        if (k.state == null) {
            k.state = new BarrierModel();
        }
        BarrierModel s = (BarrierModel) k.state;
        switch (n) {
            case "getNumberWaiting" -> {
                return LibraryOps.modeled(x, call, Access.READ, () -> s.arrived);
            }
            case "isBroken" -> {
                return LibraryOps.modeled(x, call, Access.READ, () -> s.broken);
            }
            case "reset" -> {
                return LibraryOps.modeled(
                        x,
                        call,
                        Access.UPDATE,
                        () -> {
                            if (s.arrived > 0) {
                                s.resetGeneration = s.generation; // its waiters break
                            }
                            s.next();
                            return null;
                        });
            }
            case "await" -> {
                return s.await(x, call, b, k, args == 2 ? BlockingModels.nanos(call, 0) : -1);
            }
            default -> {
                return BlockingModels.NOT_MODELED;
            }
        }
    }

    private void next() {
        arrived = 0;
        generation++;
        broken = false;
    }

    private Object await(
            ExploringInterceptor x, LibraryCall call, CyclicBarrier b, LockModel k, long nanos)
            throws Throwable {
        ThreadModel me = x.current();
        RunModel r = x.run();
        String label = x.label(call.site());
        r.ops++;
        Coordinator.point(k, Access.UPDATE, label);
        LibraryOps.changed(r, k);
        if (broken) {
            throw new BrokenBarrierException();
        }
        if (me.interrupted()) {
            broken = true;
            ThreadOps.throwIfInterrupted(me);
        }
        int index = b.getParties() - 1 - arrived;
        arrived++;
        if (index == 0) {
            Runnable action = LibraryBridge.barrierAction(b);
            if (action != null) {
                try {
                    action.run();
                } catch (Throwable t) {
                    if (!Coordinator.isAbort(t)) {
                        broken = true;
                    }
                    throw t;
                }
            }
            next();
            return 0;
        }
        int g = generation;
        boolean timed = nanos >= 0;
        BooleanSupplier wake = () -> generation != g || broken || me.interrupted();
        if (!timed || nanos > 0) {
            r.block(wake, timed, nanos, k, label);
        }
        if (generation != g) {
            if (resetGeneration == g) {
                throw new BrokenBarrierException(); // reset() broke this thread's generation
            }
            return index;
        }
        if (broken) {
            throw new BrokenBarrierException();
        }
        broken = true; // interrupted or timed out: the barrier breaks for everyone
        LibraryOps.changed(r, k);
        ThreadOps.throwIfInterrupted(me);
        throw new TimeoutException();
    }
}
