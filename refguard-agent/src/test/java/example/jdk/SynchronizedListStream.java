package example.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A reader sums a {@code Collections.synchronizedList} with a stream while a writer adds to it. The
 * wrapper's {@code stream()} takes no lock, as its documentation says, so the writer's {@code add}
 * can come in the middle of the traversal, which then throws {@code
 * ConcurrentModificationException}. The fix streams inside {@code synchronized (list)}.
 */
public final class SynchronizedListStream {

    static void run(boolean locked) throws InterruptedException {
        List<Integer> list = Collections.synchronizedList(new ArrayList<>(List.of(1, 2, 3)));
        Thread writer = new Thread(() -> list.add(4), "writer");
        writer.start();
        int sum;
        if (locked) {
            synchronized (list) {
                sum = list.stream().mapToInt(Integer::intValue).sum();
            }
        } else {
            sum = list.stream().mapToInt(Integer::intValue).sum();
        }
        writer.join();
        if (sum != 6 && sum != 10) {
            throw new AssertionError("summed " + sum);
        }
    }

    private SynchronizedListStream() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: the stream under the list's own monitor. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
