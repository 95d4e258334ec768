package example.semantics;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Plain programs whose waits end only through what the explorer models besides locks: timeouts,
 * interrupts, park permits, semaphores and latches, spin waits. Each asserts its own outcome and
 * must pass in every schedule.
 */
public final class Waiting {

    private Waiting() {}

    /** Polls a flag with a timed wait and no notify: only the timeout ends each wait. */
    public static final class TimedPoll {
        static final Object lock = new Object();
        static boolean done; // guarded by lock

        private TimedPoll() {}

        public static void main(String[] args) throws InterruptedException {
            Thread setter =
                    new Thread(
                            () -> {
                                synchronized (lock) {
                                    done = true;
                                }
                            },
                            "setter");
            setter.start();
            synchronized (lock) {
                while (!done) {
                    lock.wait(50);
                }
            }
            setter.join();
        }
    }

    /** An interrupt ends a long sleep, or is seen by the sleep if it came first. */
    public static final class InterruptSleep {
        static volatile boolean interrupted;

        private InterruptSleep() {}

        public static void main(String[] args) throws InterruptedException {
            Thread sleeper =
                    new Thread(
                            () -> {
                                try {
                                    Thread.sleep(60_000);
                                } catch (InterruptedException e) {
                                    interrupted = true;
                                }
                            },
                            "sleeper");
            sleeper.start();
            sleeper.interrupt();
            sleeper.join();
            assert interrupted : "the interrupt was lost";
        }
    }

    /** An interrupt ends an untimed wait() that nothing notifies. */
    public static final class InterruptWait {
        static final Object lock = new Object();
        static volatile boolean interrupted;

        private InterruptWait() {}

        public static void main(String[] args) throws InterruptedException {
            Thread waiter =
                    new Thread(
                            () -> {
                                synchronized (lock) {
                                    try {
                                        lock.wait();
                                    } catch (InterruptedException e) {
                                        interrupted =
                                                Thread.currentThread().isInterrupted() == false;
                                    }
                                }
                            },
                            "waiter");
            waiter.start();
            waiter.interrupt();
            waiter.join();
            assert interrupted
                    : "wait() did not end with InterruptedException and a cleared status";
        }
    }

    /** park/unpark with the permit semantics: an unpark before the park is not lost. */
    public static final class ParkUnpark {
        static volatile boolean ready;

        private ParkUnpark() {}

        public static void main(String[] args) throws InterruptedException {
            Thread parker =
                    new Thread(
                            () -> {
                                while (!ready) {
                                    LockSupport.park();
                                }
                            },
                            "parker");
            parker.start();
            ready = true;
            LockSupport.unpark(parker);
            parker.join();
        }
    }

    /** A semaphore hands a result over, a latch waits for two workers. */
    public static final class SemaphoreAndLatch {
        static int result; // written before release, read after acquire

        private SemaphoreAndLatch() {}

        public static void main(String[] args) throws InterruptedException {
            Semaphore handOver = new Semaphore(0);
            CountDownLatch finished = new CountDownLatch(2);
            Thread producer =
                    new Thread(
                            () -> {
                                result = 42;
                                handOver.release();
                                finished.countDown();
                            },
                            "producer");
            Thread other = new Thread(finished::countDown, "other");
            producer.start();
            other.start();
            handOver.acquire();
            assert result == 42 : "acquired before the release";
            finished.await();
            assert finished.getCount() == 0;
        }
    }

    /** A spin wait on a volatile flag ends when the other thread sets it. */
    public static final class SpinWait {
        static volatile boolean flag;

        private SpinWait() {}

        public static void main(String[] args) throws InterruptedException {
            Thread setter = new Thread(() -> flag = true, "setter");
            setter.start();
            while (!flag) {
                Thread.onSpinWait();
            }
            setter.join();
        }
    }

    /**
     * A busy spin on a volatile flag, without {@code onSpinWait}, ends when the other thread sets
     * it: the explorer sees the unchanged re-reads as a spin and runs the setter.
     */
    public static final class BusySpin {
        static volatile boolean flag;

        private BusySpin() {}

        public static void main(String[] args) throws InterruptedException {
            Thread setter = new Thread(() -> flag = true, "setter");
            setter.start();
            while (!flag) {
                // spin
            }
            setter.join();
        }
    }

    /**
     * {@code Thread.currentThread()} inside a started thread is the program's {@code Thread}
     * object, and {@code isAlive} follows the model.
     */
    public static final class ThreadIdentity {
        static volatile Thread seen;

        private ThreadIdentity() {}

        public static void main(String[] args) throws InterruptedException {
            Thread worker = new Thread(() -> seen = Thread.currentThread(), "worker");
            assert !worker.isAlive() : "alive before start";
            worker.start();
            worker.join();
            assert seen == worker : "currentThread() was " + seen;
            assert !worker.isAlive() : "alive after join";
            assert Thread.currentThread().getName().equals("main");
        }
    }

    /**
     * A worker checks the eight slots of a sequencer's availability array once each, through one
     * {@code AtomicIntegerArray.get} call site (a finite scan, as a multi-producer ring buffer's
     * consumer does), then counts down; main waits for it with a five-second safety timeout. The
     * scan repeats a read of one object, as a spin does, yet it is no spin: the timeout never fires
     * on a real machine, and must not fire here.
     */
    public static final class SlotScan {
        private SlotScan() {}

        public static void main(String[] args) throws InterruptedException {
            java.util.concurrent.atomic.AtomicIntegerArray available =
                    new java.util.concurrent.atomic.AtomicIntegerArray(8);
            for (int i = 0; i < 8; i++) {
                available.set(i, 1);
            }
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread worker =
                    new Thread(
                            () -> {
                                int ready = 0;
                                for (int i = 0; i < 8; i++) {
                                    ready += available.get(i);
                                }
                                if (ready == 8) {
                                    done.countDown();
                                }
                            },
                            "worker");
            worker.start();
            if (!done.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the worker did not finish its scan in 5 s");
            }
            worker.join();
        }
    }
}
