package example.reallibs;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.Monitor;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import com.google.common.util.concurrent.Striped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/** Guava used correctly from two threads, and one check-then-act across two calls. */
public final class GuavaPrograms {

    private GuavaPrograms() {}

    /** A bounded slot guarded by a {@code Monitor}: the taker waits until the putter filled it. */
    public static final class MonitorSlot {
        private final Monitor monitor = new Monitor();
        private Integer value;
        private final Monitor.Guard full =
                new Monitor.Guard(monitor) {
                    @Override
                    public boolean isSatisfied() {
                        return value != null;
                    }
                };

        public static void main(String[] args) throws InterruptedException {
            MonitorSlot s = new MonitorSlot();
            int[] taken = new int[1];
            Both.run(
                    () -> {
                        s.monitor.enter();
                        try {
                            s.value = 7;
                        } finally {
                            s.monitor.leave();
                        }
                    },
                    () -> {
                        try {
                            s.monitor.enterWhen(s.full);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        try {
                            taken[0] = s.value;
                        } finally {
                            s.monitor.leave();
                        }
                    });
            assert taken[0] == 7 : "took " + taken[0];
        }
    }

    /** Counters behind {@code Striped} locks: each increment holds its key's lock. */
    public static final class StripedCounters {
        public static void main(String[] args) throws InterruptedException {
            Striped<Lock> locks = Striped.lock(2);
            int[] counts = new int[2];
            Runnable increment =
                    () -> {
                        Lock l = locks.get("k");
                        l.lock();
                        try {
                            counts[0]++;
                        } finally {
                            l.unlock();
                        }
                    };
            Both.run(increment, increment);
            assert counts[0] == 2 : "two increments left " + counts[0];
        }
    }

    /** The bug: the read and the write each hold the key's lock, but not across both. */
    public static final class StripedLostIncrement {
        public static void main(String[] args) throws InterruptedException {
            Striped<Lock> locks = Striped.lock(2);
            int[] counts = new int[1];
            Runnable increment =
                    () -> {
                        Lock l = locks.get("k");
                        int v;
                        l.lock();
                        try {
                            v = counts[0];
                        } finally {
                            l.unlock();
                        }
                        l.lock();
                        try {
                            counts[0] = v + 1;
                        } finally {
                            l.unlock();
                        }
                    };
            Both.run(increment, increment);
            assert counts[0] == 2 : "two increments left " + counts[0];
        }
    }

    /** A {@code SettableFuture} set by one thread, transformed on the direct executor. */
    public static final class TransformedFuture {
        public static void main(String[] args) throws Exception {
            SettableFuture<Integer> f = SettableFuture.create();
            ListenableFuture<Integer> doubled =
                    Futures.transform(f, v -> v * 2, MoreExecutors.directExecutor());
            AtomicInteger winners = new AtomicInteger();
            Runnable complete =
                    () -> {
                        if (f.set(21)) {
                            winners.incrementAndGet();
                        }
                    };
            Both.run(complete, complete);
            assert winners.get() == 1 : winners.get() + " threads completed the future";
            assert doubled.get() == 42 : "transformed to " + doubled.get();
        }
    }

    /** The bug: completes the future only if it is not done, checked in another call. */
    public static final class FutureCheckThenSet {
        public static void main(String[] args) throws Exception {
            SettableFuture<Integer> f = SettableFuture.create();
            AtomicInteger winners = new AtomicInteger();
            Runnable complete =
                    () -> {
                        if (!f.isDone()) {
                            f.set(21);
                            winners.incrementAndGet();
                        }
                    };
            Both.run(complete, complete);
            assert winners.get() == 1 : winners.get() + " threads completed the future";
        }
    }
}
