package io.refguard;

import java.lang.StackWalker.StackFrame;

/**
 * A code location where something happened to a reference: the first stack frame outside
 * refguard-core's own packages (and outside the JDK, when a user frame exists), plus the thread.
 *
 * <p>A site is captured cheaply as a live stack frame and resolved to file and line only when a
 * report is rendered or an accessor is called. Instances are immutable once constructed; the
 * lazy resolution is idempotent and safe to race.
 */
public final class Site {

    private final StackFrame frame; // null only for a site without a known frame
    private final String threadName;

    Site(StackFrame frame, String threadName) {
        this.frame = frame;
        this.threadName = threadName;
    }

    /** The fully qualified name of the class whose code ran here, or {@code "?"} when unknown. */
    public String className() {
        return frame == null ? "?" : frame.getClassName();
    }

    /** The method's name ({@code <init>} for a constructor), or {@code "?"} when unknown. */
    public String methodName() {
        return frame == null ? "?" : frame.getMethodName();
    }

    /** The source file name, such as {@code Request.java}, or {@code null} when not compiled in. */
    public String fileName() {
        return frame == null ? null : frame.getFileName();
    }

    /** The source line, or a negative number when unknown. */
    public int lineNumber() {
        return frame == null ? -1 : frame.getLineNumber();
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
