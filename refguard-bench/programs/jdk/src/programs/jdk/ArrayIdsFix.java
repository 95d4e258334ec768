package programs.jdk;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** The same numbering with an atomic counter. */
public class ArrayIdsFix {
    static final AtomicInteger next = new AtomicInteger();

    public static void main(String[] args) {
        int[] ids = new int[4];
        Arrays.parallelSetAll(ids, i -> next.getAndIncrement()); // FIX: one atomic step per id
        if (Arrays.stream(ids).distinct().count() != ids.length) {
            throw new AssertionError("ids repeat: " + Arrays.toString(ids));
        }
    }
}
