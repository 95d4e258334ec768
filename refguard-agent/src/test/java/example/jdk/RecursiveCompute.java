package example.jdk;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A memoized Fibonacci number whose {@code computeIfAbsent} function computes the numbers before it
 * through the same map: {@code ConcurrentHashMap} forbids the function to update the map (the JDK
 * throws {@code IllegalStateException("Recursive update")} when two of the keys share a bin). With
 * the first argument {@code apart}, the numbers before come from a second map, which is allowed.
 */
public final class RecursiveCompute {

    private static final ConcurrentHashMap<Integer, Long> MEMO = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, Long> BEFORE = new ConcurrentHashMap<>();

    private RecursiveCompute() {}

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        return MEMO.computeIfAbsent(n, k -> fib(k - 1) + fib(k - 2));
    }

    static long fibApart(int n) {
        if (n < 2) {
            return n;
        }
        // the function updates another map
        return MEMO.computeIfAbsent(
                n, k -> BEFORE.computeIfAbsent(k - 1, RecursiveCompute::slow) + slow(k - 2));
    }

    private static long slow(int n) {
        return n < 2 ? n : slow(n - 1) + slow(n - 2);
    }

    public static void main(String[] args) {
        long f = args.length > 0 && args[0].equals("apart") ? fibApart(6) : fib(6);
        if (f != 8) {
            throw new AssertionError("fib(6) = " + f);
        }
    }
}
