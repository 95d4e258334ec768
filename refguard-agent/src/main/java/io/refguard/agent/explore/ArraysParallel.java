package io.refguard.agent.explore;

import io.refguard.agent.bridge.AccessKind;
import io.refguard.agent.bridge.LibraryCall;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * {@code Arrays.parallelSetAll}, {@code parallelPrefix} and {@code parallelSort} under exploration.
 *
 * <p>The JDK runs them as tasks it forks from inside its own code onto the real common pool, whose
 * threads the explorer does not schedule (and whether it forks at all depends on the machine's
 * processors). Here each runs on modeled workers ({@link Pieces}), with the program's functions
 * running as explored code on several threads, as they do in the JDK, so a generator, operator or
 * comparator that is not thread-safe shows. The call is a point on the elements it changes; the
 * range is halved {@link Pieces#DEPTH} times at most for {@code parallelSetAll}, once for the
 * others (two passes over four pieces made an 18-element prefix take 145,000 schedules at bound 1;
 * two halves take 10), fixed on any machine.
 *
 * <ul>
 *   <li>{@code parallelSetAll(a, generator)}: each piece sets its elements in order, {@code a[i] =
 *       generator(i)}, each write a point on the element, as the JDK's parallel stream over the
 *       indices does.
 *   <li>{@code parallelPrefix(a, [from, to,] op)}: each half turns its range into the prefix of its
 *       own elements (one point on the range), then the second half adds the first half's total in:
 *       for an associative {@code op}, which the JDK requires, the sequential prefix. A range of at
 *       most 16 elements is one piece, as in the JDK.
 *   <li>{@code parallelSort(a, [from, to,] [comparator])}: each half sorts its range (a point on
 *       the range), then the caller sorts the whole range, stably, which merges the sorted halves:
 *       the JDK's result for any consistent comparator. A range of at most 8,192 elements is sorted
 *       by the caller alone, as the JDK sorts it.
 * </ul>
 */
final class ArraysParallel {

    /** At most this many elements: a prefix is one piece, as in the JDK. */
    private static final int PREFIX_SEQUENTIAL = 16;

    /** At most this many elements: a sort runs on the caller alone, as in the JDK. */
    private static final int SORT_SEQUENTIAL = 1 << 13;

    private ArraysParallel() {}

    /** One of the three, called from instrumented code. */
    static Object call(ExploringInterceptor x, LibraryCall call) throws Throwable {
        Object array = call.argument(0);
        int args = call.argumentCount();
        boolean ranged =
                args >= 3
                        && call.methodType().parameterType(1) == int.class
                        && call.methodType().parameterType(2) == int.class;
        Object fn = args > (ranged ? 3 : 1) ? call.argument(args - 1) : null;
        if (array == null) {
            return call.proceed(); // the JDK's NullPointerException
        }
        int n = Array.getLength(array);
        int from = ranged ? (Integer) call.argument(1) : 0;
        int to = ranged ? (Integer) call.argument(2) : n;
        String name = call.name();
        if ((ranged && (from > to || from < 0 || to > n))
                || (fn == null && !name.equals("parallelSort"))) {
            return call.proceed(); // the JDK's own exception, before any work
        }
        int site = call.site();
        String label = x.label(site);
        x.beforeElementRange(array, from, to - from, AccessKind.WRITE, site);
        switch (name) {
            case "parallelSetAll" -> setAll(x, site, label, array, fn, from, to);
            case "parallelPrefix" -> prefix(x, site, label, array, fn, from, to);
            default -> sort(x, site, label, array, (Comparator<?>) fn, from, to);
        }
        return null;
    }

    private static void setAll(
            ExploringInterceptor x, int site, String label, Object a, Object gen, int from, int to)
            throws Throwable {
        List<Pieces.Work> works = new ArrayList<>();
        for (int[] r : ranges(from, to, 0, Pieces.DEPTH)) {
            works.add(
                    () -> {
                        for (int i = r[0]; i < r[1]; i++) {
                            Object v = generate(a, gen, i);
                            x.beforeElementAccess(a, i, AccessKind.WRITE, site);
                            Array.set(a, i, v);
                        }
                        return null;
                    });
        }
        Pieces.run(x, label, works);
    }

    @SuppressWarnings("unchecked")
    private static Object generate(Object a, Object gen, int i) {
        if (a instanceof int[]) {
            return ((IntUnaryOperator) gen).applyAsInt(i);
        }
        if (a instanceof long[]) {
            return ((IntToLongFunction) gen).applyAsLong(i);
        }
        if (a instanceof double[]) {
            return ((IntToDoubleFunction) gen).applyAsDouble(i);
        }
        return ((IntFunction<Object>) gen).apply(i);
    }

    private static void prefix(
            ExploringInterceptor x, int site, String label, Object a, Object op, int from, int to)
            throws Throwable {
        List<int[]> ranges = ranges(from, to, PREFIX_SEQUENTIAL, 1);
        List<Pieces.Work> local = new ArrayList<>();
        for (int[] r : ranges) {
            local.add(() -> fold(x, site, a, op, null, r[0] + 1, r[1]));
        }
        Pieces.run(x, label, local);
        List<Pieces.Work> carried = new ArrayList<>();
        Object carry = null;
        for (int[] r : ranges) {
            if (carry != null) {
                Object c = carry;
                carried.add(() -> fold(x, site, a, op, c, r[0], r[1]));
            }
            if (r[1] > r[0]) {
                Object total = Array.get(a, r[1] - 1); // this piece's own prefix, carry not yet in
                carry = carry == null ? total : combine(a, op, carry, total);
            }
        }
        if (!carried.isEmpty()) {
            Pieces.run(x, label, carried);
        }
    }

    /**
     * Over {@code [lo, hi)}: with no {@code carry}, {@code a[i] = op(a[i-1], a[i])} (the range's
     * own prefix, from {@code lo - 1}); with one, {@code a[i] = op(carry, a[i])}.
     */
    private static Object fold(
            ExploringInterceptor x, int site, Object a, Object op, Object carry, int lo, int hi) {
        if (lo < hi) {
            x.beforeElementRange(a, lo, hi - lo, AccessKind.WRITE, site);
        }
        for (int i = lo; i < hi; i++) {
            Object left = carry != null ? carry : Array.get(a, i - 1);
            Array.set(a, i, combine(a, op, left, Array.get(a, i)));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Object combine(Object a, Object op, Object l, Object r) {
        if (a instanceof int[]) {
            return ((IntBinaryOperator) op).applyAsInt((Integer) l, (Integer) r);
        }
        if (a instanceof long[]) {
            return ((LongBinaryOperator) op).applyAsLong((Long) l, (Long) r);
        }
        if (a instanceof double[]) {
            return ((DoubleBinaryOperator) op).applyAsDouble((Double) l, (Double) r);
        }
        return ((BinaryOperator<Object>) op).apply(l, r);
    }

    private static void sort(
            ExploringInterceptor x,
            int site,
            String label,
            Object a,
            Comparator<?> cmp,
            int from,
            int to)
            throws Throwable {
        Method sort = sortMethod(a, cmp);
        List<int[]> ranges = ranges(from, to, SORT_SEQUENTIAL, 1);
        if (ranges.size() > 1) {
            List<Pieces.Work> works = new ArrayList<>();
            for (int[] r : ranges) {
                works.add(
                        () -> {
                            x.beforeElementRange(a, r[0], r[1] - r[0], AccessKind.WRITE, site);
                            return invokeSort(sort, a, r[0], r[1], cmp);
                        });
            }
            Pieces.run(x, label, works);
            x.beforeElementRange(a, from, to - from, AccessKind.WRITE, site);
        }
        invokeSort(sort, a, from, to, cmp);
    }

    private static Method sortMethod(Object a, Comparator<?> cmp) throws NoSuchMethodException {
        Class<?> type = a instanceof Object[] ? Object[].class : a.getClass();
        return cmp != null || type == Object[].class
                ? Arrays.class.getMethod("sort", type, int.class, int.class, Comparator.class)
                : Arrays.class.getMethod("sort", type, int.class, int.class);
    }

    private static Object invokeSort(Method sort, Object a, int from, int to, Comparator<?> cmp)
            throws Throwable {
        try {
            return sort.getParameterCount() == 4
                    ? sort.invoke(null, a, from, to, cmp)
                    : sort.invoke(null, a, from, to);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code [from, to)} halved {@code depth} times at most, in order; one range when it has at
     * most {@code sequential} elements (or fewer than two).
     */
    private static List<int[]> ranges(int from, int to, int sequential, int depth) {
        List<int[]> out = new ArrayList<>();
        halve(from, to, to - from <= sequential ? 0 : depth, out);
        return out;
    }

    private static void halve(int lo, int hi, int depth, List<int[]> out) {
        if (depth == 0 || hi - lo < 2) {
            out.add(new int[] {lo, hi});
            return;
        }
        int mid = (lo + hi) >>> 1;
        halve(lo, mid, depth - 1, out);
        halve(mid, hi, depth - 1, out);
    }
}
