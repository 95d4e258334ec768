package example.corpus;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;

/** A bounded buffer with wait/notifyAll; a producer and a consumer thread. */
public class WaitNotify implements Callable<Object> {
    private final ArrayDeque<Integer> items = new ArrayDeque<>();
    private long consumed;

    synchronized void put(int item) throws InterruptedException {
        while (items.size() == 2) {
            wait(); // site: wait
        }
        items.add(item);
        notifyAll(); // site: notify-all
    }

    synchronized int take() throws InterruptedException {
        while (items.isEmpty()) {
            wait(1000L); // site: wait-timed
        }
        int item = items.remove();
        notify(); // site: notify
        return item;
    }

    /** One put and one take on the calling thread: nothing blocks. */
    public int single() throws InterruptedException {
        put(7);
        return take();
    }

    @Override
    public Object call() throws InterruptedException {
        Thread producer =
                new Thread(
                        () -> {
                            try {
                                for (int k = 1; k <= 200; k++) {
                                    put(k);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        producer.start();
        for (int k = 0; k < 200; k++) {
            consumed += take();
        }
        producer.join();
        return consumed;
    }
}
