package example.semantics;

import java.util.concurrent.atomic.AtomicInteger;

/** Programs that try to end the JVM while they are explored. */
public final class Exits {

    private Exits() {}

    /** A worker that exits the JVM with status 3 when it sees the other thread's increment. */
    public static final class WorkerExits {
        private WorkerExits() {}

        public static void main(String[] args) throws InterruptedException {
            AtomicInteger n = new AtomicInteger();
            Thread t =
                    new Thread(
                            () -> {
                                if (n.incrementAndGet() == 2) {
                                    System.exit(3); // site: exit
                                }
                            });
            t.start();
            n.incrementAndGet();
            t.join();
        }
    }

    /**
     * Main halts through the Runtime with status 0 while another thread waits for ever: the JVM
     * stops that thread, so every run passes.
     */
    public static final class Halts {
        private Halts() {}

        public static void main(String[] args) {
            java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
            AtomicInteger n = new AtomicInteger();
            new Thread(
                            () -> {
                                n.incrementAndGet();
                                try {
                                    never.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            })
                    .start();
            n.incrementAndGet();
            Runtime.getRuntime().halt(0); // site: halt
        }
    }
}
