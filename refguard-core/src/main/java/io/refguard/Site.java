package io.refguard;

import io.refguard.hook.LibraryCode;

/**
 * A code location where something happened to a reference: the first stack frame outside refguard's
 * own packages (and outside the JDK, when a user frame exists), plus the thread.
 *
 * <p>A site is captured as cheaply as the JVM allows and decoded only when a report or an accessor
 * needs it: capture is {@code new Throwable()}, whose constructor records the stack as the JVM's
 * internal backtrace (method and bytecode index per frame) without building any {@link
 * StackTraceElement}; the elements, with file and line, are built on the first accessor call, and
 * the frames of refguard (and of the checked library, for an adapter) skipped then. Under
 * refguard's agent it is the location of the instrumented call instead ({@link
 * io.refguard.hook.CallSites}), with no capture at all. Instances are immutable once constructed;
 * the lazy decoding is idempotent and safe to race.
 */
public final class Site {

    private final Throwable trace; // null for a supplied site
    private final StackTraceElement supplied; // an instrumented call's location, or null
    private final String threadName;

    /**
     * Frames of this class and its superclasses are skipped too (constructors only, if {@link
     * #initOnly}).
     */
    private final Class<?> own;

    private final boolean initOnly;

    /**
     * Frames of classes whose name starts with this are skipped too (an adapter's library), or
     * null.
     */
    private final String library;

    /** The decoded frame and the method it called; written once, racily but idempotently. */
    private volatile Decoded decoded;

    /**
     * A site from {@code trace}, a {@code new Throwable()} made by the capturing method itself, so
     * that the JVM records one frame of refguard fewer (each frame costs time at capture).
     */
    Site(
            Throwable trace,
            StackTraceElement supplied,
            Class<?> own,
            boolean initOnly,
            String library) {
        this(trace, supplied, own, initOnly, library, Thread.currentThread().getName());
    }

    private Site(
            Throwable trace,
            StackTraceElement supplied,
            Class<?> own,
            boolean initOnly,
            String library,
            String threadName) {
        this.trace = trace;
        this.supplied = supplied;
        this.threadName = threadName;
        this.own = own;
        this.initOnly = initOnly;
        this.library = library;
    }

    /**
     * A close whose location was not recorded (a reference of an object sampled in SAMPLED mode),
     * on the current thread.
     */
    static Site unrecorded() {
        return new Site(null, null, null, false, null);
    }

    /** Whether this site has a location: false for a close that SAMPLED mode did not record. */
    boolean recorded() {
        return trace != null || supplied != null;
    }

    /** An instrumented call's location, on the current thread, named {@code threadName}. */
    static Site supplied(StackTraceElement call, String threadName) {
        return new Site(null, call, null, false, null, threadName);
    }

    /** The fully qualified name of the class whose code ran here, or {@code "?"} when unknown. */
    public String className() {
        StackTraceElement f = frame();
        return f != null ? f.getClassName() : "?";
    }

    /** The method's name ({@code <init>} for a constructor), or {@code "?"} when unknown. */
    public String methodName() {
        StackTraceElement f = frame();
        return f != null ? asWritten(f.getMethodName()) : "?";
    }

    /**
     * A method name as the source has it: refguard's agent splits some methods in two and names the
     * part it calls {@code name$refguard$...}, which the program never wrote.
     */
    private static String asWritten(String method) {
        int generated = method.indexOf("$refguard$");
        return generated > 0 ? method.substring(0, generated) : method;
    }

    /** The source file name, such as {@code Request.java}, or {@code null} when not compiled in. */
    public String fileName() {
        StackTraceElement f = frame();
        return f != null ? f.getFileName() : null;
    }

    /** The source line, or a negative number when unknown. */
    public int lineNumber() {
        StackTraceElement f = frame();
        return f != null ? f.getLineNumber() : -1;
    }

    /**
     * The method that the code at this site called into refguard or the checked library, such as
     * {@code acquire} or {@code release}, or {@code "?"} when unknown (a site supplied by the
     * agent).
     */
    public String calledMethod() {
        return decode().called;
    }

    /** The name the thread had when the site was captured. */
    public String threadName() {
        return threadName;
    }

    /** {@code File.java:line}, the short location used in reports. */
    public String location() {
        String file = fileName();
        int line = lineNumber();
        if (file == null) {
            return "Unknown Source";
        }
        return line >= 0 ? file + ":" + line : file;
    }

    /**
     * Renders as {@code Request.start(Request.java:17) on thread worker-1}, or names the thread
     * only for a close that SAMPLED mode did not record.
     */
    @Override
    public String toString() {
        if (!recorded()) {
            return "(a site SAMPLED mode does not record) on thread " + threadName;
        }
        String cls = className();
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        return simple + "." + methodName() + "(" + location() + ") on thread " + threadName;
    }

    private StackTraceElement frame() {
        return supplied != null ? supplied : decode().frame;
    }

    private Decoded decode() {
        Decoded d = decoded;
        if (d == null) {
            d =
                    trace == null
                            ? new Decoded(supplied, "?")
                            : Decoded.of(trace.getStackTrace(), this);
            decoded = d;
        }
        return d;
    }

    /** Whether a frame of {@code className}, method {@code method}, is machinery to skip. */
    private boolean skipped(String className, String method) {
        if (LibraryCode.contains(className) || library != null && className.startsWith(library)) {
            return true;
        }
        if (own == null || initOnly && !"<init>".equals(method)) {
            return false;
        }
        for (Class<?> c = own; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.");
    }

    /**
     * A decoded site: the first user frame (else the first frame outside the machinery) and its
     * callee.
     */
    private static final class Decoded {
        final StackTraceElement frame;
        final String called;

        Decoded(StackTraceElement frame, String called) {
            this.frame = frame;
            this.called = called;
        }

        static Decoded of(StackTraceElement[] stack, Site site) {
            int firstOutside = -1;
            for (int i = 0; i < stack.length; i++) {
                StackTraceElement e = stack[i];
                if (site.skipped(e.getClassName(), e.getMethodName())) {
                    continue;
                }
                if (!isJdk(e.getClassName())) {
                    return at(stack, i);
                }
                if (firstOutside < 0) {
                    firstOutside = i;
                }
            }
            return firstOutside < 0 ? new Decoded(null, "?") : at(stack, firstOutside);
        }

        private static Decoded at(StackTraceElement[] stack, int i) {
            return new Decoded(stack[i], i > 0 ? stack[i - 1].getMethodName() : "?");
        }
    }
}
