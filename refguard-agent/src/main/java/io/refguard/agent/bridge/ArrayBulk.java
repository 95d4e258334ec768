package io.refguard.agent.bridge;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;

/**
 * Calls that read or write many elements of an array at once, when plain fields are points: {@code
 * System.arraycopy}, an array's {@code clone()}, and the {@code java.util.Arrays} methods that take
 * one array ({@code copyOf}, {@code fill}, {@code sort}, ...). Each is a scheduling point on the
 * elements of the arrays it touches, as an element instruction is, so another thread's write can
 * come between a read of a length or an index and the copy that uses it.
 *
 * <p>{@code System.arraycopy} between two arrays is two points: one on the source, after which the
 * range is read into a buffer, and one on the destination, after which the buffer is written. So
 * each step touches only what its point names (what the partial-order reductions rely on), and a
 * write to the source between the two is not in the copy, as on a real machine, where {@code
 * arraycopy} is not atomic. Copies that the JDK would check element by element (a reference array
 * into one of a narrower type) or refuse (bad bounds, null, not arrays) keep the JDK's own call,
 * after both points, so they throw as they would.
 */
public final class ArrayBulk {

    private static final MethodHandle POINT;

    static {
        try {
            POINT =
                    MethodHandles.lookup()
                            .findStatic(
                                    ArrayBulk.class,
                                    "point",
                                    MethodType.methodType(
                                            void.class, Object.class, int.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ArrayBulk() {}

    /**
     * {@code System.arraycopy(src, srcPos, dst, dstPos, length)}: a point reading {@code src}, one
     * writing {@code dst}, and the copy (see the class comment).
     *
     * @param readSite the point on {@code src}
     * @param writeSite the point on {@code dst}
     */
    public static void arraycopy(
            Object src,
            int srcPos,
            Object dst,
            int dstPos,
            int length,
            int readSite,
            int writeSite) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null || src == null || dst == null || length <= 0) {
            System.arraycopy(src, srcPos, dst, dstPos, length);
            return;
        }
        i.beforeElementRange(src, srcPos, length, AccessKind.READ, readSite);
        if (!buffered(src, srcPos, dst, dstPos, length)) {
            i.beforeElementRange(dst, dstPos, length, AccessKind.WRITE, writeSite);
            System.arraycopy(src, srcPos, dst, dstPos, length);
            return;
        }
        Object buffer = Array.newInstance(src.getClass().getComponentType(), length);
        System.arraycopy(src, srcPos, buffer, 0, length);
        i.beforeElementRange(dst, dstPos, length, AccessKind.WRITE, writeSite);
        System.arraycopy(buffer, 0, dst, dstPos, length);
    }

    /**
     * Whether a copy through a buffer does what the JDK's call would: both arrays of one primitive
     * type, or reference arrays whose destination takes every element of the source's type, and the
     * ranges in bounds.
     */
    private static boolean buffered(Object src, int srcPos, Object dst, int dstPos, int length) {
        Class<?> from = src.getClass().getComponentType();
        Class<?> to = dst.getClass().getComponentType();
        if (from == null || to == null) {
            return false;
        }
        boolean types =
                from.isPrimitive() ? from == to : !to.isPrimitive() && to.isAssignableFrom(from);
        return types
                && srcPos >= 0
                && dstPos >= 0
                && srcPos <= Array.getLength(src) - length
                && dstPos <= Array.getLength(dst) - length;
    }

    /** An array's {@code clone()}: a point reading all of it, then the copy. */
    public static Object cloneOf(Object array, int site) {
        int n = Array.getLength(array); // throws for null, as the call would
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            i.beforeElementRange(array, 0, n, AccessKind.READ, site);
        }
        Object copy = Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, copy, 0, n);
        return copy;
    }

    /**
     * Binds a {@code java.util.Arrays} method whose first parameter is the array it reads or
     * writes: the original method, after a point on that array ({@link #point}).
     *
     * @param write 1 for a method that changes the array ({@code fill}, {@code sort}), 0 for one
     *     that only reads it
     */
    public static CallSite bootstrap(
            MethodHandles.Lookup caller,
            String name,
            MethodType type,
            Class<?> owner,
            int site,
            int write)
            throws ReflectiveOperationException {
        MethodHandle plain = caller.findStatic(owner, name, type);
        MethodHandle before =
                MethodHandles.insertArguments(POINT, 1, site, write == 1)
                        .asType(MethodType.methodType(void.class, type.parameterType(0)));
        return new ConstantCallSite(MethodHandles.foldArguments(plain, before));
    }

    private static void point(Object array, int site, boolean write) {
        SyncInterceptor i = SyncBridge.managing();
        if (i != null && array != null) {
            int n = Array.getLength(array);
            i.beforeElementRange(array, 0, n, write ? AccessKind.WRITE : AccessKind.READ, site);
        }
    }
}
