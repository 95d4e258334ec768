package example.jdk;

import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * Two elements of a parallel stream each add one to a counter with a read then a write of a
 * volatile field. The stream's work runs on the common pool's own threads, forked from inside the
 * JDK, which the explorer does not schedule: exploring it must say so instead of passing or blaming
 * the program. {@link Split} makes the parallel stream through {@code StreamSupport}.
 */
public final class ParallelStreamRace {

    static volatile int hits;

    static void check() {
        if (hits != 2) {
            throw new AssertionError("counted " + hits + " hits, expected 2");
        }
    }

    private ParallelStreamRace() {}

    public static void main(String[] args) {
        hits = 0;
        IntStream.range(0, 2).parallel().forEach(i -> hits = hits + 1);
        check();
    }

    /** The same race on a stream that {@code StreamSupport} makes parallel. */
    public static final class Split {
        private Split() {}

        public static void main(String[] args) {
            hits = 0;
            StreamSupport.stream(Spliterators.spliterator(new Object[] {1, 2}, 0), true)
                    .forEach(x -> hits = hits + 1);
            check();
        }
    }
}
