package example.corpus;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Array element reads and writes of every kind, for the plain-fields option: the rewriting of each
 * load and store (one and two stack words, compound assignments that duplicate array and index)
 * must leave the results as they were, and a null array or a bad index must throw as before.
 */
public class ArrayElements implements Callable<Object> {

    static final int[] PRIMES = {2, 3, 5};
    final int[] counts = new int[4];
    long[] totals = new long[3];
    final Object[] slots = new Object[2];

    @Override
    public Object call() {
        counts[1]++; // site: counts-bump
        int c = counts[1] + PRIMES[0]; // site: counts-read
        totals[2] += 5L; // site: totals-add
        slots[0] = "a"; // site: slots-write
        double[] d = {1.5, 2.5};
        d[1] *= 2;
        float[] f = new float[2];
        f[0] = d[1] > 4 ? 0.5f : 0f;
        byte[] b = {1, 2, 3};
        b[2] += b[0];
        boolean[] z = new boolean[2];
        z[1] = !z[0];
        char[] ch = "ok".toCharArray();
        ch[0] = Character.toUpperCase(ch[0]);
        short[] sh = {7};
        sh[0] <<= 2;
        int[][] grid = new int[2][3];
        grid[1][2] = grid[0][1] + c;
        long sum = 0;
        for (long t : totals) {
            sum += t;
        }
        String thrown = "";
        int[] none = null;
        try {
            none[0] = 1;
        } catch (NullPointerException e) {
            thrown += "npe ";
        }
        try {
            c = counts[counts.length];
        } catch (ArrayIndexOutOfBoundsException e) {
            thrown += "bounds";
        }
        return c
                + ":"
                + sum
                + ":"
                + slots[0]
                + ":"
                + Arrays.toString(d)
                + Arrays.toString(f)
                + Arrays.toString(b)
                + Arrays.toString(z)
                + new String(ch)
                + sh[0]
                + grid[1][2]
                + ":"
                + thrown;
    }
}
