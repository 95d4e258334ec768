package io.refguard;

import io.refguard.hook.CallSites;

/**
 * Captures {@link Site}s.
 *
 * <p>Capture is {@code new Throwable()}: the JVM records the stack as its internal backtrace, and
 * nothing is decoded until a report needs the site (see {@link Site}). Measured on the build
 * machine (JDK 17, under load; {@code Interleaved} and {@code SiteCaptureBench} in refguard-bench):
 * 0.7 µs at a stack depth of 10 against 1.3 µs for a {@link StackWalker} walk to the first user
 * frame, but 2.6 µs against 1.7 µs at depth 60, since the backtrace grows with the depth. Netty's
 * leak records are captured the same way, so refguard and Netty's PARANOID level grow alike.
 */
final class Sites {

    private Sites() {}

    /**
     * The site of the code that called into refguard on this thread: the instrumented call's
     * location when an agent supplies it ({@link CallSites}), else the first user frame.
     */
    static Site capture() {
        if (CallSites.SUPPLIED) {
            StackTraceElement call = CallSites.current();
            if (call != null) {
                return Site.supplied(call);
            }
        }
        return new Site(new Throwable(), null, null, false, null);
    }

    /**
     * The site that ran {@code new X()} for a refcounted {@code X} of class {@code own}: like
     * {@link #capture()}, but also skips the constructors of {@code own} and its superclasses,
     * which are user code yet not where the object was created.
     */
    static Site captureCreation(Class<?> own) {
        return new Site(new Throwable(), null, own, true, null);
    }

    /**
     * The site of the code that called a method of {@code own}, a {@link RefCounted} subclass: like
     * {@link #capture()}, but also skips the frames of {@code own} and its superclasses, so a
     * use-after-release found by {@code ensureAccessible()} names the caller of the accessor.
     */
    static Site captureOutside(Class<?> own) {
        return new Site(new Throwable(), null, own, false, null);
    }

    /**
     * The first frame outside refguard and outside classes whose name starts with {@code library}:
     * for objects whose count another library keeps. Always captured from the stack: the agent
     * supplies sites only for calls into refguard, and the library's calls are not among them.
     */
    static Site captureOutside(String library) {
        return new Site(new Throwable(), null, null, false, library);
    }
}
