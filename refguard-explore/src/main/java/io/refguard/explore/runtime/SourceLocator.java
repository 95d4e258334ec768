package io.refguard.explore.runtime;

import io.refguard.hook.LibraryCode;

/**
 * Finds the first stack frame outside the explorer and refguard's own libraries, as {@code
 * File.java:line}: the line of user code a scheduling point belongs to. Walks the stack, so it is
 * used only on traced re-runs and when describing failures, never on the search path.
 */
public final class SourceLocator {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private SourceLocator() {}

    /** The calling thread's first user frame, or null if there is none. */
    public static String locate() {
        return WALKER.walk(
                frames ->
                        frames.filter(f -> !isLibrary(f.getClassName()))
                                .findFirst()
                                .map(f -> format(f.getFileName(), f.getLineNumber()))
                                .orElse(null));
    }

    /**
     * Where the code that called {@code callee} is, as {@code File.java:line}: the first frame
     * above {@code callee}'s own that is not the JDK's (for {@code
     * actors.forEach(scenario::actor)}, the line calling {@code forEach}). Null when that frame is
     * refguard's own code, JUnit's, or has no line: what refguard declares itself, such as the
     * actor that runs a program's {@code main}, has no line in the program, and the frames further
     * up (a test that explores, refguard's command line and its libraries) are none of the
     * program's either.
     */
    public static String caller(String callee) {
        return WALKER.walk(
                frames ->
                        frames.dropWhile(f -> !f.getClassName().equals(callee))
                                .dropWhile(f -> f.getClassName().equals(callee))
                                .filter(f -> !isJdk(f.getClassName()))
                                .findFirst()
                                .filter(f -> !isLibrary(f.getClassName()))
                                .map(f -> format(f.getFileName(), f.getLineNumber()))
                                .orElse(null));
    }

    /**
     * The first user frame of {@code thrown}'s stack trace, else of its causes' (a {@code
     * CompletionException} made inside the JDK wraps the program's exception), or null.
     */
    public static String locate(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (!isLibrary(e.getClassName())) {
                    return format(e.getFileName(), e.getLineNumber());
                }
            }
        }
        return null;
    }

    /**
     * Whether a class belongs to the machinery rather than to the code under test: the JDK, JUnit,
     * and refguard's own main code ({@link LibraryCode}); everything else, tests and examples under
     * {@code io.refguard} included, is user code.
     */
    static boolean isLibrary(String className) {
        return isJdk(className)
                || className.startsWith("org.junit.")
                || LibraryCode.contains(className);
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.");
    }

    private static String format(String file, int line) {
        if (file == null) {
            return null;
        }
        return line > 0 ? file + ":" + line : file;
    }
}
