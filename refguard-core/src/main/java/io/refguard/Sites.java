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
 *
 * <p>Every recorded frame costs (about 20 ns each on the build machine), so on the paths taken for
 * every tracked object and handle the method the program called makes the {@code new Throwable()}
 * in its own frame and passes it to {@link #walked} (after asking {@link #supplied()}): a helper
 * between them would add its frame to every recorded stack. Other paths call {@link #capture()}.
 */
final class Sites {

    private Sites() {}

    /**
     * The site of the code that called into refguard on this thread: the instrumented call's
     * location when an agent supplies it ({@link CallSites}), else the first user frame.
     */
    static Site capture() {
        Site site = supplied();
        return site != null ? site : new Site(new Throwable(), null, null, false, null);
    }

    /**
     * The site whose stack {@code here} recorded: a {@code new Throwable()} made by the refguard
     * method the program called, when {@link #supplied()} had none.
     */
    static Site walked(Throwable here) {
        return new Site(here, null, null, false, null);
    }

    /**
     * The creation site of an object of class {@code own} whose stack {@code here} recorded: like
     * {@link #walked}, but also skips the constructors of {@code own} and its superclasses, which
     * are user code yet not where the object was created.
     */
    static Site creation(Throwable here, Class<?> own) {
        return new Site(here, null, own, true, null);
    }

    /**
     * The site of the instrumented call this thread is in ({@link CallSites}), or null when it is
     * in none or no agent supplies sites. A site is immutable, so the one built the last time the
     * thread passed the same call is reused, as long as the thread still has the name it had then.
     */
    static Site supplied() {
        if (!CallSites.SUPPLIED) {
            return null;
        }
        CallSites.Slot slot = CallSites.slot();
        int id = slot.id();
        if (id == 0) {
            return null;
        }
        String thread = Thread.currentThread().getName();
        if (slot.recall(id) instanceof Site known && known.threadName() == thread) {
            return known;
        }
        StackTraceElement call = CallSites.resolve(id);
        if (call == null) {
            return null;
        }
        Site site = Site.supplied(call, thread);
        slot.remember(id, site);
        return site;
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
