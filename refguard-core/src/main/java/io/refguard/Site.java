package io.refguard;

import java.lang.StackWalker.StackFrame;

/**
 * A code location where something happened to a reference: the first stack frame outside
 * refguard-core's own packages (and outside the JDK, when a user frame exists), plus the thread.
 *
 * <p>A site is captured cheaply as a live stack frame and resolved to file and line only when a
 * report is rendered or an accessor is called; under refguard's agent it is the location of the
 * instrumented call instead ({@link io.refguard.hook.CallSites}), with no stack walk at all.
 * Instances are immutable once constructed; the lazy resolution is idempotent and safe to race.
 */
public final class Site {

    private final StackFrame frame; // null for a supplied or unknown site
    private final StackTraceElement supplied; // an instrumented call's location, or null
    private final String threadName;

    Site(StackFrame frame, String threadName) {
        this.frame = frame;
        this.supplied = null;
        this.threadName = threadName;
    }

    Site(StackTraceElement supplied, String threadName) {
        this.frame = null;
        this.supplied = supplied;
        this.threadName = threadName;
    }

    /** The fully qualified name of the class whose code ran here, or {@code "?"} when unknown. */
    public String className() {
        return frame != null ? frame.getClassName() : supplied != null ? supplied.getClassName() : "?";
    }

    /** The method's name ({@code <init>} for a constructor), or {@code "?"} when unknown. */
    public String methodName() {
        return frame != null ? frame.getMethodName() : supplied != null ? supplied.getMethodName() : "?";
    }

    /** The source file name, such as {@code Request.java}, or {@code null} when not compiled in. */
    public String fileName() {
        return frame != null ? frame.getFileName() : supplied != null ? supplied.getFileName() : null;
    }

    /** The source line, or a negative number when unknown. */
    public int lineNumber() {
        return frame != null ? frame.getLineNumber() : supplied != null ? supplied.getLineNumber() : -1;
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

    /** Renders as {@code Request.start(Request.java:17) on thread worker-1}. */
    @Override
    public String toString() {
        String cls = className();
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        return simple + "." + methodName() + "(" + location() + ") on thread " + threadName;
    }
}
