package example.jdk;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A parallel stream with a stateful operation ({@code sorted}), which the JDK evaluates on the
 * common pool's own threads: exploring it must say so, naming the operation, instead of passing or
 * blaming the program. {@link Late} sorts first and makes the stream parallel afterwards.
 */
public final class ParallelSorted {

    private ParallelSorted() {}

    public static void main(String[] args) {
        AtomicInteger sum = new AtomicInteger();
        List.of(3, 1, 2).parallelStream().map(x -> x * 2).sorted().forEach(sum::addAndGet);
        if (sum.get() != 12) {
            throw new AssertionError(sum.get());
        }
    }

    /** Sorted while sequential, parallel afterwards: the JDK sorts on the pool all the same. */
    public static final class Late {
        private Late() {}

        public static void main(String[] args) {
            AtomicInteger sum = new AtomicInteger();
            List.of(3, 1, 2).stream().sorted().map(x -> x * 2).parallel().forEach(sum::addAndGet);
            if (sum.get() != 12) {
                throw new AssertionError(sum.get());
            }
        }
    }

    /** Concatenated: {@code Stream.concat} takes the sorted parallel stream's spliterator. */
    public static final class Concat {
        private Concat() {}

        public static void main(String[] args) {
            AtomicInteger sum = new AtomicInteger();
            Stream.concat(List.of(3, 1).parallelStream().sorted(), Stream.of(2))
                    .forEach(sum::addAndGet);
            if (sum.get() != 6) {
                throw new AssertionError(sum.get());
            }
        }
    }
}
