package example.corpus;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** A Thread subclass, sleep, yield, spin-wait hints and an interrupt. */
public class Threads implements Callable<Object> {
    final AtomicInteger hits = new AtomicInteger();

    static final class Worker extends Thread {
        private final AtomicInteger hits;

        Worker(AtomicInteger hits) {
            this.hits = hits;
        }

        @Override
        public void run() {
            hits.addAndGet(100);
        }
    }

    @Override
    public Object call() throws InterruptedException {
        Worker worker = new Worker(hits);
        worker.start(); // site: start
        worker.join(); // site: join
        Thread.sleep(1); // site: sleep
        Thread.yield(); // site: yield
        Thread.onSpinWait(); // site: spin
        Thread sleeper =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                hits.incrementAndGet();
                            }
                        });
        sleeper.start(); // site: start-sleeper
        sleeper.interrupt(); // site: interrupt
        sleeper.join(10_000L); // site: join-sleeper
        return hits.get() + ":" + sleeper.isAlive();
    }
}
