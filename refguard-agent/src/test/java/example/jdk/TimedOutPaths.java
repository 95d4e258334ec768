package example.jdk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two programs whose short timeouts may expire while the other thread is merely slow. {@link
 * ConnectTimeout} is correct: it waits up to 500 ms for a connection and fails its own assertion
 * when the wait expires, a safety net. {@link AbortOnIdle} has a bug only on its timeout path: an
 * idle timeout of 30 ms and the writer's completion both release a buffer, guarded by a flag tested
 * then set, so both can release it; its fix claims the release with a compare-and-set. {@link
 * ReplyInTime} has a bug on its timely path only, and {@link ManyClients} a race among many threads
 * before a short {@code get} of a summary: the explorer's choices at their timed waits.
 */
public final class TimedOutPaths {

    private TimedOutPaths() {}

    /** Waits for a connector's session with a timed condition wait; correct. */
    public static final class ConnectTimeout {
        private ConnectTimeout() {}

        public static void main(String[] args) throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            Condition up = lock.newCondition();
            String[] session = new String[1];
            Thread connector =
                    new Thread(
                            () -> {
                                lock.lock();
                                try {
                                    session[0] = "session-7";
                                    up.signalAll();
                                } finally {
                                    lock.unlock();
                                }
                            },
                            "connector");
            connector.start();
            lock.lock();
            try {
                long nanos = TimeUnit.MILLISECONDS.toNanos(500);
                while (session[0] == null) {
                    if (nanos <= 0) {
                        throw new AssertionError("connect timed out");
                    }
                    nanos = up.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
            connector.join();
        }
    }

    /** {@link ConnectTimeout}'s wait on a thread of its own, which the main thread joins. */
    public static final class ConnectTimeoutOnAThread {
        private ConnectTimeoutOnAThread() {}

        public static void main(String[] args) throws InterruptedException {
            Thread client =
                    new Thread(
                            () -> {
                                try {
                                    ConnectTimeout.main(args);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "client");
            client.start();
            client.join();
        }
    }

    /** A buffer of two references, released by a write's completion or an idle timeout. */
    public static class AbortOnIdle {
        final AtomicInteger refs = new AtomicInteger(2); // the exchange's and the writer's
        final CountDownLatch written = new CountDownLatch(1);
        volatile boolean done;

        void release() {
            if (refs.decrementAndGet() < 0) {
                throw new IllegalStateException("buffer released once too often");
            }
        }

        void finish() {
            if (!done) { // the bug: tested, then set
                done = true;
                release();
            }
        }

        void run() throws InterruptedException {
            Thread writer =
                    new Thread(
                            () -> {
                                finish();
                                release(); // the writer's own reference
                                written.countDown();
                            },
                            "writer");
            Thread idle =
                    new Thread(
                            () -> {
                                try {
                                    if (!written.await(30, TimeUnit.MILLISECONDS)) {
                                        finish(); // the write is too slow: abort it
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "idle-timeout");
            writer.start();
            idle.start();
            writer.join();
            idle.join();
        }

        public static void main(String[] args) throws InterruptedException {
            new AbortOnIdle().run();
        }

        /** The fix: the release is claimed with a compare-and-set. */
        public static final class Fixed extends AbortOnIdle {
            private final AtomicBoolean claimed = new AtomicBoolean();

            @Override
            void finish() {
                if (claimed.compareAndSet(false, true)) {
                    release();
                }
            }

            public static void main(String[] args) throws InterruptedException {
                new Fixed().run();
            }
        }
    }

    /**
     * A reply awaited 20 ms: the answer comes in time, and then both sides release the request's
     * buffer, which holds one reference. Fails on every run whose wait is not cut short.
     */
    public static final class ReplyInTime {
        private ReplyInTime() {}

        public static void main(String[] args) throws InterruptedException {
            AtomicInteger refs = new AtomicInteger(1);
            CountDownLatch replied = new CountDownLatch(1);
            Thread server =
                    new Thread(
                            () -> {
                                replied.countDown();
                                refs.decrementAndGet(); // the server's release
                            },
                            "server");
            server.start();
            if (replied.await(20, TimeUnit.MILLISECONDS)
                    && refs.decrementAndGet() < 0) { // the client's: one too many
                throw new IllegalStateException("request buffer released twice");
            }
            server.join();
        }
    }

    /**
     * Forty clients, two of which take the last seat without a lock; then a pool totals the seats
     * and the main thread waits for the total up to 1 s, a safety net.
     */
    public static final class ManyClients {
        private ManyClients() {}

        public static void main(String[] args) throws Exception {
            AtomicInteger seats = new AtomicInteger(1);
            AtomicInteger sold = new AtomicInteger();
            java.util.List<Thread> clients = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean last = i < 2;
                Thread client =
                        new Thread(
                                () -> {
                                    if (last && seats.get() > 0) { // the bug: no claim
                                        seats.decrementAndGet();
                                        sold.incrementAndGet();
                                    } else if (!last) {
                                        sold.addAndGet(0);
                                    }
                                },
                                "client-" + i);
                clients.add(client);
                client.start();
            }
            for (Thread c : clients) {
                c.join();
            }
            java.util.concurrent.ExecutorService office =
                    java.util.concurrent.Executors.newSingleThreadExecutor();
            int total =
                    java.util.concurrent.CompletableFuture.supplyAsync(sold::get, office)
                            .get(1, TimeUnit.SECONDS);
            office.shutdown();
            if (total != 1) {
                throw new AssertionError("the last seat was sold " + total + " times");
            }
        }
    }

    /**
     * A holder works with the only connection while a borrower waits 200 ms for it; a borrower that
     * times out keeps the timeout for the main thread, which fails when a borrow timed out. The
     * program's verdict on a slow holder, given in another thread than the one that waited: a
     * safety net.
     */
    public static final class TimeoutReportedByMain {
        private TimeoutReportedByMain() {}

        public static void main(String[] args) throws InterruptedException {
            ReentrantLock connection = new ReentrantLock();
            AtomicInteger sent = new AtomicInteger();
            String[] error = new String[1];
            Thread holder =
                    new Thread(
                            () -> {
                                connection.lock();
                                try {
                                    sent.incrementAndGet();
                                    sent.incrementAndGet();
                                } finally {
                                    connection.unlock();
                                }
                            },
                            "holder");
            Thread borrower =
                    new Thread(
                            () -> {
                                try {
                                    if (connection.tryLock(200, TimeUnit.MILLISECONDS)) {
                                        connection.unlock();
                                    } else {
                                        error[0] = "borrow timed out after 200 ms";
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "borrower");
            holder.start();
            borrower.start();
            holder.join();
            borrower.join();
            if (error[0] != null) {
                throw new AssertionError(error[0]);
            }
        }

        /**
         * The same borrower waiting on a condition, which takes the lock back after it timed out.
         */
        public static final class OnCondition {
            private OnCondition() {}

            public static void main(String[] args) throws InterruptedException {
                ReentrantLock lock = new ReentrantLock();
                Condition returned = lock.newCondition();
                boolean[] free = {false};
                AtomicInteger sent = new AtomicInteger();
                String[] error = new String[1];
                Thread holder =
                        new Thread(
                                () -> {
                                    lock.lock(); // the connection's state, under its lock
                                    try {
                                        sent.incrementAndGet();
                                    } finally {
                                        lock.unlock();
                                    }
                                    lock.lock(); // then it goes back
                                    try {
                                        free[0] = true;
                                        returned.signalAll();
                                    } finally {
                                        lock.unlock();
                                    }
                                },
                                "holder");
                Thread borrower =
                        new Thread(
                                () -> {
                                    lock.lock();
                                    try {
                                        long nanos = TimeUnit.MILLISECONDS.toNanos(200);
                                        while (!free[0] && nanos > 0) {
                                            nanos = returned.awaitNanos(nanos);
                                        }
                                        if (!free[0]) {
                                            error[0] = "borrow timed out after 200 ms";
                                        }
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    } finally {
                                        lock.unlock();
                                    }
                                },
                                "borrower");
                borrower.start();
                holder.start();
                holder.join();
                borrower.join();
                if (error[0] != null) {
                    throw new AssertionError(error[0]);
                }
            }
        }
    }

    /**
     * Starts a loader and gives it 20 ms, then asserts that it loaded: a bug, since nothing orders
     * the assertion after the load; a loader slower than 20 ms fails it. The timed {@code join}
     * returns nothing that says whether the loader finished, and the program does not ask.
     */
    public static class JoinAssumesDone {
        static volatile boolean loaded;

        JoinAssumesDone() {}

        public static void main(String[] args) throws InterruptedException {
            loaded = false;
            Thread loader = new Thread(() -> loaded = true, "loader");
            loader.start();
            loader.join(20);
            if (!loaded) {
                throw new AssertionError("the configuration was not loaded");
            }
        }

        /**
         * Asks whether the loader is still running after the join, and fails on that: the program's
         * verdict on a loader slower than its 500 ms, a safety net.
         */
        public static final class AsksIfAlive {
            private AsksIfAlive() {}

            public static void main(String[] args) throws InterruptedException {
                loaded = false;
                Thread loader = new Thread(() -> loaded = true, "loader");
                loader.start();
                loader.join(500);
                if (loader.isAlive()) {
                    throw new AssertionError("the loader is still running");
                }
                if (!loaded) {
                    throw new AssertionError("the configuration was not loaded");
                }
            }
        }
    }

    /** As {@link JoinAssumesDone}, with a sleep of 50 ms in place of the join: a bug too. */
    public static final class SleepAssumesDone {
        private SleepAssumesDone() {}

        public static void main(String[] args) throws InterruptedException {
            JoinAssumesDone.loaded = false;
            new Thread(() -> JoinAssumesDone.loaded = true, "loader").start();
            Thread.sleep(50);
            if (!JoinAssumesDone.loaded) {
                throw new AssertionError("the configuration was not loaded");
            }
        }
    }

    /**
     * As {@link JoinAssumesDone}, with a latch whose timed {@code await} returns whether the loader
     * counted down in time, and the program drops that answer: a bug too.
     */
    public static final class LatchResultDropped {
        private LatchResultDropped() {}

        public static void main(String[] args) throws InterruptedException {
            CountDownLatch done = startLoader();
            done.await(100, TimeUnit.MILLISECONDS);
            if (!JoinAssumesDone.loaded) {
                throw new AssertionError("the configuration was not loaded");
            }
        }

        /** Starts a loader that sets the flag, then counts the latch down. */
        static CountDownLatch startLoader() {
            JoinAssumesDone.loaded = false;
            CountDownLatch done = new CountDownLatch(1);
            new Thread(
                            () -> {
                                JoinAssumesDone.loaded = true;
                                done.countDown();
                            },
                            "loader")
                    .start();
            return done;
        }

        /** Tests the answer: a failure after a timeout it saw is its safety net. */
        public static final class Tested {
            private Tested() {}

            public static void main(String[] args) throws InterruptedException {
                boolean inTime = startLoader().await(100, TimeUnit.MILLISECONDS);
                if (!inTime || !JoinAssumesDone.loaded) {
                    throw new AssertionError("the configuration was not loaded in 100 ms");
                }
            }
        }
    }

    /**
     * A worker waits up to 10 ms for the one permit of a connection that maintenance holds, stores
     * whether it got it, and uses the connection before looking at that answer: when maintenance is
     * slow, it uses a connection still in use, a bug though the failed assertion comes right after
     * the timeout. {@link Tested} looks first and gives up with an assertion of its own, a safety
     * net.
     */
    public static class ResultStoredUnread {
        static final Semaphore GATE = new Semaphore(1);
        static final AtomicBoolean IN_USE = new AtomicBoolean();

        ResultStoredUnread() {}

        static void use() {
            if (!IN_USE.compareAndSet(false, true)) {
                throw new AssertionError("the connection is already in use");
            }
            IN_USE.set(false);
        }

        /** The worker's body. */
        void work() throws InterruptedException {
            boolean held = GATE.tryAcquire(10, TimeUnit.MILLISECONDS);
            try {
                use();
            } finally {
                if (held) {
                    GATE.release();
                }
            }
        }

        void run() throws InterruptedException {
            GATE.acquire();
            IN_USE.set(true); // maintenance: reconnecting
            Thread worker =
                    new Thread(
                            () -> {
                                try {
                                    work();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "worker");
            worker.start();
            IN_USE.set(false);
            GATE.release();
            worker.join();
        }

        public static void main(String[] args) throws InterruptedException {
            new ResultStoredUnread().run();
        }

        /** Looks at the stored answer before it uses the connection. */
        public static final class Tested extends ResultStoredUnread {
            private Tested() {}

            @Override
            void work() throws InterruptedException {
                boolean held = GATE.tryAcquire(10, TimeUnit.MILLISECONDS);
                if (!held) {
                    throw new AssertionError("no connection within 10 ms");
                }
                try {
                    use();
                } finally {
                    GATE.release();
                }
            }

            public static void main(String[] args) throws InterruptedException {
                new Tested().run();
            }
        }
    }

    /**
     * Waits for a worker at a phaser, retrying after each 100 ms timeout; but each retry arrives
     * again, so the second arrival advances the phase without the worker, and main reads a result
     * the worker has not set. Its failed assertion follows a wait that ended in time, not the
     * timeout: a bug. {@link Fixed} arrives once and retries only the wait.
     */
    public static class PhaserRetry {
        static volatile int result;

        PhaserRetry() {}

        /** Main's arrival and wait, retried after a timeout. */
        void await(java.util.concurrent.Phaser phaser) throws InterruptedException {
            while (true) {
                try {
                    phaser.awaitAdvanceInterruptibly(phaser.arrive(), 100, TimeUnit.MILLISECONDS);
                    return;
                } catch (java.util.concurrent.TimeoutException e) {
                    // retry
                }
            }
        }

        void run() throws InterruptedException {
            result = 0;
            java.util.concurrent.Phaser phaser = new java.util.concurrent.Phaser(2);
            Thread worker =
                    new Thread(
                            () -> {
                                result = 42;
                                phaser.arrive();
                            },
                            "worker");
            worker.start();
            await(phaser);
            int seen = result;
            if (seen != 42) {
                throw new AssertionError("the result is not ready: " + seen);
            }
            worker.join();
        }

        public static void main(String[] args) throws InterruptedException {
            new PhaserRetry().run();
        }

        /** Arrives once, and retries only the wait for that phase. */
        public static final class Fixed extends PhaserRetry {
            private Fixed() {}

            @Override
            void await(java.util.concurrent.Phaser phaser) throws InterruptedException {
                int phase = phaser.arrive();
                while (true) {
                    try {
                        phaser.awaitAdvanceInterruptibly(phase, 100, TimeUnit.MILLISECONDS);
                        return;
                    } catch (java.util.concurrent.TimeoutException e) {
                        // retry
                    }
                }
            }

            public static void main(String[] args) throws InterruptedException {
                new Fixed().run();
            }
        }
    }

    /**
     * Waits on a monitor in a loop until a deadline on the clock, and fails when the deadline
     * passed: the program saw its wait time out, a safety net.
     */
    public static final class WaitUntilDeadline {
        private WaitUntilDeadline() {}

        public static void main(String[] args) throws InterruptedException {
            Object lock = new Object();
            boolean[] loaded = {false};
            new Thread(
                            () -> {
                                synchronized (lock) {
                                    loaded[0] = true;
                                    lock.notifyAll();
                                }
                            },
                            "loader")
                    .start();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            synchronized (lock) {
                while (!loaded[0]) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("the configuration was not loaded in 300 ms");
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            }
        }
    }

    /**
     * Waits twice, 20 ms each time, for a loader's header, then gives the segment up and closes it;
     * a loader slower than both waits appends to the closed segment and fails. Found only when one
     * thread's waits may time out at once twice in a run ({@code earlyTimeouts} 2). {@link Fixed}:
     * the loader skips a closed segment.
     */
    public static class RetryThenClose {
        final Object segment = new Object();
        boolean closed;
        int length;

        RetryThenClose() {}

        /** The loader's append. */
        void append(String text) {
            synchronized (segment) {
                if (closed) {
                    throw new IllegalStateException("append to a closed segment");
                }
                length += text.length();
            }
        }

        void run() throws InterruptedException {
            CountDownLatch loaded = new CountDownLatch(1);
            Thread loader =
                    new Thread(
                            () -> {
                                append("header");
                                loaded.countDown();
                            },
                            "loader");
            loader.start();
            boolean ok = false;
            for (int attempt = 0; attempt < 2 && !ok; attempt++) {
                ok = loaded.await(20, TimeUnit.MILLISECONDS);
            }
            if (!ok) {
                synchronized (segment) {
                    closed = true;
                }
            }
            loader.join();
        }

        public static void main(String[] args) throws InterruptedException {
            new RetryThenClose().run();
        }

        /** {@link RetryThenClose} whose loader skips a closed segment. */
        public static final class Fixed extends RetryThenClose {
            private Fixed() {}

            @Override
            void append(String text) {
                synchronized (segment) {
                    if (!closed) {
                        length += text.length();
                    }
                }
            }

            public static void main(String[] args) throws InterruptedException {
                new Fixed().run();
            }
        }
    }
}
