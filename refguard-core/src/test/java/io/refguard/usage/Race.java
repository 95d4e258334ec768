package io.refguard.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs bounded rounds of racing actors: a fixed set of threads meets at a barrier before and
 * after each round, so every round starts all actors together and the test ends after a fixed
 * number of rounds, not after a time.
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
    static void rounds(int actors, int rounds, Runnable setup, Actor actor, Runnable check) throws Exception {
        CyclicBarrier start = new CyclicBarrier(actors + 1);
        CyclicBarrier end = new CyclicBarrier(actors + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            int id = a;
            Thread t = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    try {
                        start.await();
                        if (failure.get() == null) {
                            actor.run(id, r);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        try {
                            end.await();
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                            return;
                        }
                    }
                }
            }, "actor-" + a);
            threads.add(t);
            t.start();
        }
        try {
            for (int r = 0; r < rounds; r++) {
                setup.run();
                start.await();
                end.await();
                if (failure.get() != null) {
                    break;
                }
                check.run();
            }
        } finally {
            for (Thread t : threads) {
                t.interrupt();
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
}
