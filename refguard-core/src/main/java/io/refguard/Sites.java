package io.refguard;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Captures {@link Site}s.
 *
 * <p>Uses {@link StackWalker}, which materializes frames lazily in small batches and stops at the
 * first user frame, instead of {@code new Throwable()}, which fills in the whole stack eagerly. A
 * refguard call site is usually two to four frames deep, so the walk touches only the first batch;
 * file and line are resolved only when a report is rendered (see {@link Site}).
 */
final class Sites {

    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final Function<Stream<StackFrame>, StackFrame> FIRST_USER_FRAME =
            frames -> firstUserFrame(frames, false);
    private static final Function<Stream<StackFrame>, StackFrame> FIRST_CREATOR_FRAME =
            frames -> firstUserFrame(frames, true);

    private Sites() {}

    /** The site of the code that called into refguard on this thread. */
    static Site capture() {
        return new Site(WALKER.walk(FIRST_USER_FRAME), Thread.currentThread().getName());
    }

    /**
     * The site that ran {@code new X()} for a refcounted {@code X}: like {@link #capture()}, but
     * also skips the constructors of {@link RefCounted} subclasses, which are user code yet not
     * where the object was created.
     */
    static Site captureCreation() {
        return new Site(WALKER.walk(FIRST_CREATOR_FRAME), Thread.currentThread().getName());
    }

    private static StackFrame firstUserFrame(Stream<StackFrame> frames, boolean skipConstructors) {
        StackFrame firstOutside = null;
        for (Iterator<StackFrame> it = frames.iterator(); it.hasNext(); ) {
            StackFrame f = it.next();
            String cls = f.getClassName();
            if (isRefguard(cls)) {
                continue;
            }
            if (skipConstructors
                    && "<init>".equals(f.getMethodName())
                    && RefCounted.class.isAssignableFrom(f.getDeclaringClass())) {
                continue;
            }
            if (!isJdk(cls)) {
                return f;
            }
            if (firstOutside == null) {
                firstOutside = f;
            }
        }
        return firstOutside;
    }

    /**
     * Whether {@code className} belongs to refguard-core's own packages. Only the exact packages
     * count, so code in other {@code io.refguard.*} packages (the case corpus, tests) is user code.
     */
    static boolean isRefguard(String className) {
        String root = "io.refguard.";
        if (!className.startsWith(root)) {
            return false;
        }
        int from = root.length();
        if (className.startsWith("swap.", from) || className.startsWith("hook.", from)) {
            from += 5;
        }
        return className.indexOf('.', from) < 0; // no deeper package: a class of the package itself
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }
}
