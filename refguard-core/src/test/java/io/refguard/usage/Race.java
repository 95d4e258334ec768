package io.refguard.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs bounded rounds of racing actors: a fixed set of threads meets at a barrier before and after
 * each round, so every round starts all actors together and the test ends after a fixed number of
 * rounds, not after a time.
 *
 * <p>On the first failure (an actor's or a check's) the barriers are broken so every actor quits,
 * and the failure is rethrown. Actors are daemon threads: one stuck inside the code under test
 * cannot keep the test JVM alive, and a failure is reported without waiting for it.
 */
final class Race {

    /** One actor's work in one round. */
    interface Actor {
        void run(int actor, int round) throws Exception;
    }

    private Race() {}

    /**
     * Runs {@code rounds} rounds of {@code actors} threads, calling {@code setup} (on the calling
     * thread) before each round and {@code check} after it. Rethrows the first failure.
     */
    static void rounds(int actors, int rounds, Runnable setup, Actor actor, Runnable check)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(actors + 1);
        CyclicBarrier end = new CyclicBarrier(actors + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            int id = a;
            Thread t =
                    new Thread(
                            () -> {
                                for (int r = 0; r < rounds; r++) {
                                    if (!meet(start)) {
                                        return;
                                    }
                                    try {
                                        actor.run(id, r);
                                    } catch (Throwable e) {
                                        failure.compareAndSet(null, e);
                                    }
                                    if (!meet(end)) {
                                        return;
                                    }
                                }
                            },
                            "actor-" + a);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (int r = 0; r < rounds && failure.get() == null; r++) {
                setup.run();
                meet(start);
                meet(end);
                if (failure.get() == null) {
                    check.run();
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            start.reset(); // breaks the barrier for actors waiting at it: they quit
            end.reset();
        } else {
            for (Thread t : threads) {
                t.join();
            }
        }
        Throwable f = failure.get();
        if (f instanceof Exception) {
            throw (Exception) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
    }

    /** Waits at {@code barrier}; false when it was broken because the race is being abandoned. */
    private static boolean meet(CyclicBarrier barrier) {
        try {
            barrier.await();
            return true;
        } catch (BrokenBarrierException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
