package example.jdk;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A parallel stream run from a task of the program's own {@code ForkJoinPool}, whose pieces the JDK
 * runs on that pool's workers: the same lost update as {@link ParallelStreamRace}. {@link Throws}
 * has a piece throw, which the stream's caller rethrows.
 */
public final class ParallelInPool {

    static volatile int hits;

    private ParallelInPool() {}

    public static void main(String[] args) throws Exception {
        hits = 0;
        ForkJoinPool pool = new ForkJoinPool(2);
        pool.submit(() -> IntStream.range(0, 2).parallel().forEach(i -> hits = hits + 1)).get();
        pool.shutdown();
        if (hits != 2) {
            throw new AssertionError("counted " + hits + " hits, expected 2");
        }
    }

    /** A piece throws for one element: the terminal operation throws it on the caller. */
    public static final class Throws {
        private Throws() {}

        public static void main(String[] args) {
            IntStream.range(0, 4)
                    .parallel()
                    .forEach(
                            i -> {
                                if (i == 3) {
                                    throw new IllegalStateException("element " + i + " is bad");
                                }
                            });
        }
    }
}
