package example.jdk;

import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * Two elements of a parallel stream each add one to a counter with a read then a write of a
 * volatile field, so an addition is lost when the stream's pieces run at once. {@link Split} makes
 * the parallel stream through {@code StreamSupport}. The fix counts with an {@code AtomicInteger}.
 */
public final class ParallelStreamRace {

    static volatile int hits;

    static void check(int total) {
        if (total != 2) {
            throw new AssertionError("counted " + total + " hits, expected 2");
        }
    }

    private ParallelStreamRace() {}

    public static void main(String[] args) {
        hits = 0;
        IntStream.range(0, 2).parallel().forEach(i -> hits = hits + 1); // site: forEach
        check(hits);
    }

    /** The same race on a stream that {@code StreamSupport} makes parallel. */
    public static final class Split {
        private Split() {}

        public static void main(String[] args) {
            hits = 0;
            StreamSupport.stream(Spliterators.spliterator(new Object[] {1, 2}, 0), true)
                    .forEach(x -> hits = hits + 1);
            check(hits);
        }
    }

    /** The fix: an atomic counter. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            AtomicInteger atomicHits = new AtomicInteger();
            IntStream.range(0, 2).parallel().forEach(i -> atomicHits.incrementAndGet());
            check(atomicHits.get());
        }
    }
}
