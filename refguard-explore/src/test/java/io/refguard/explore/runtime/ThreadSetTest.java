package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scheduler's two-level thread set answers as a plain bit set does, over the whole range. */
class ThreadSetTest {

    @Test
    void agreesWithABitSetUnderRandomChanges() {
        SplittableRandom random = new SplittableRandom(42);
        ThreadSet set = new ThreadSet();
        ThreadSet copy = new ThreadSet();
        BitSet expected = new BitSet();
        for (int op = 0; op < 200_000; op++) {
            // mostly low ids, sometimes anywhere up to the limit, so words fill and empty
            int id =
                    random.nextInt(4) == 0
                            ? random.nextInt(Execution.MAX_THREADS)
                            : random.nextInt(200);
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    assertEquals(!expected.get(id), set.add(id));
                    expected.set(id);
                }
                case 4, 5, 6 -> {
                    assertEquals(expected.get(id), set.remove(id));
                    expected.clear(id);
                }
                case 7 -> assertEquals(expected.get(id), set.contains(id));
                case 8 -> {
                    if (random.nextInt(500) == 0) {
                        set.clear();
                        expected.clear();
                    }
                }
                default -> {
                    copy.copyOf(set);
                    assertMembers(expected, copy);
                }
            }
            assertEquals(expected.cardinality(), set.size());
            int from = random.nextInt(Execution.MAX_THREADS + 10);
            assertEquals(expected.nextSetBit(from), set.next(from), "next from " + from);
            int k = random.nextInt(set.size() + 2);
            assertEquals(nth(expected, k), set.nth(k), "rank " + k);
        }
        assertMembers(expected, set);
    }

    private static void assertMembers(BitSet expected, ThreadSet set) {
        BitSet seen = new BitSet();
        for (int i = set.next(0); i >= 0; i = set.next(i + 1)) {
            seen.set(i);
        }
        assertEquals(expected, seen);
        assertEquals(expected.cardinality(), set.size());
        long[] words = expected.get(0, 64).toLongArray();
        assertEquals(words.length == 0 ? 0 : words[0], set.firstWord());
    }

    private static int nth(BitSet s, int k) {
        int i = s.nextSetBit(0);
        while (i >= 0 && k-- > 0) {
            i = s.nextSetBit(i + 1);
        }
        return i;
    }
}
