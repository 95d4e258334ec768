package example.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reader sums a {@code Collections.synchronizedList} while a writer adds to it. The list's
 * methods lock it, but its iterator does not: iterating without holding the list's monitor lets the
 * writer's {@code add} in between two {@code next} calls, and the iterator throws {@code
 * ConcurrentModificationException}. The fix iterates inside {@code synchronized (list)}, the lock
 * the list's own methods take, so the writer waits for the reader.
 */
public final class SynchronizedListIteration {

    static void run(boolean lockWhileIterating) throws InterruptedException {
        List<Integer> list = Collections.synchronizedList(new ArrayList<>(List.of(1, 2)));
        AtomicInteger sum = new AtomicInteger();
        Thread reader =
                new Thread(
                        () -> {
                            if (lockWhileIterating) {
                                synchronized (list) {
                                    for (int x : list) {
                                        sum.addAndGet(x);
                                    }
                                }
                            } else {
                                for (int x : list) { // site: iterate
                                    sum.addAndGet(x);
                                }
                            }
                        },
                        "reader");
        Thread writer = new Thread(() -> list.add(3), "writer"); // site: add
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        int s = sum.get();
        if (s != 3 && s != 6) {
            throw new AssertionError("summed " + s);
        }
    }

    private SynchronizedListIteration() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: hold the list's monitor while iterating. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
