package io.refguard.explore;

import java.util.List;

/**
 * What the reports say about threads refguard could not schedule: where one is stuck, what to do,
 * and whether it is still running after it was given up.
 */
final class StuckThreads {

    private StuckThreads() {}

    /** What to do about a thread refguard could not schedule. */
    static final String ADVICE =
            " refguard cannot order what it does not see: keep I/O and"
                    + " threads refguard did not start out of the explored code (give the actor an in-memory"
                    + " stand-in), instrument the library that blocks or spins (widen the agent's include), or"
                    + " raise refguard.explore.runTimeout if it is only slow.";

    /**
     * What to do about a thread stuck in {@code stack}: when it waits (parks, or waits on a
     * monitor) inside a JDK method the program called, such as a piped stream's {@code read}, that
     * the JDK's method is not modeled, and that widening the include cannot help; else {@link
     * #ADVICE}.
     */
    static String advice(List<String> stack) {
        String called = unmodeledJdkWait(stack);
        if (called == null) {
            return ADVICE;
        }
        String override = overrideCalling(stack, called);
        if (override != null) {
            return " The program's "
                    + override
                    + " overrides "
                    + called
                    + " and calls it through super, which refguard does not route to its model of"
                    + " the JDK class: the JDK waits inside it, where refguard cannot see. Keep the"
                    + " JDK's class as a field and delegate to it instead of overriding the method"
                    + " (the agent's documentation lists the subclasses it models, under \"Known"
                    + " limits\").";
        }
        return " refguard models the JDK's concurrency at its API, and "
                + called
                + " is not modeled: the JDK waits inside it, where refguard cannot see, and"
                + " widening the agent's include does not reach the JDK's classes. Keep the call"
                + " out of the explored code, or use a class refguard models in its place (the"
                + " agent's documentation lists them, under \"JDK classes under exploration\"),"
                + " or raise refguard.explore.runTimeout if it is only slow.";
    }

    /**
     * The JDK method the program called, as {@code pkg.Class.method}, when the thread parks or
     * waits on a monitor inside it, with no frame of refguard's own in between; else null.
     */
    private static String unmodeledJdkWait(List<String> stack) {
        if (stack.isEmpty() || !stack.get(0).startsWith("at ")) {
            return null;
        }
        String top = method(stack.get(0).substring(3));
        if (!top.endsWith(".park")
                && !top.equals("java.lang.Object.wait")
                && !top.equals("java.lang.Object.wait0")) {
            return null;
        }
        String called = null;
        for (String l : stack) {
            if (!l.startsWith("at ")) {
                return null; // cut before the program's frame
            }
            String frame = l.substring(3);
            if (method(frame).startsWith("io.refguard.")) {
                return null; // a model of refguard's that waited for real: not the JDK's
            }
            if (!jdk(frame)) {
                return called;
            }
            called = method(frame);
        }
        return null;
    }

    /**
     * The program's method that called {@code called} (the JDK method a thread waits in) when it
     * has the same name, an override calling {@code super}; else null.
     */
    private static String overrideCalling(List<String> stack, String called) {
        for (String l : stack) {
            String frame = l.substring(3);
            if (!jdk(frame)) {
                String own = method(frame);
                String name = called.substring(called.lastIndexOf('.'));
                return own.endsWith(name) ? own : null;
            }
        }
        return null;
    }

    /** " It is stuck in m, called from the program's n." for the stack shown, or "". */
    static String stuckIn(List<String> stack) {
        if (stack.isEmpty() || !stack.get(0).startsWith("at ")) {
            return "";
        }
        String top = stack.get(0).substring(3);
        String own = null;
        for (String l : stack) {
            if (l.startsWith("at ") && !jdk(l.substring(3))) {
                own = l.substring(3);
                break;
            }
        }
        String s = " It is stuck in " + method(top);
        if (own != null && !own.equals(top)) {
            s += ", called from " + own.substring(own.lastIndexOf('/') + 1);
        }
        return s + "." + (waitsForClassInit(stack) ? CLASS_INIT : "");
    }

    /**
     * What a thread waiting for the JVM's initialization of a class means: another thread holds the
     * JVM's own lock of that class, which no explorer sees.
     */
    static final String CLASS_INIT =
            " It waits for the JVM to finish initializing a class that another thread is"
                    + " initializing: the JVM holds its own lock of the class meanwhile, which"
                    + " refguard does not see. refguard keeps a thread that initializes a class of"
                    + " the instrumented program from being switched away from; a class outside"
                    + " the include whose initializer calls back into instrumented code is not"
                    + " covered. Touching the class in main before the threads start (a static"
                    + " field, or Class.forName with initialize true) avoids the wait.";

    /** Whether {@code stack} shows a wait for the JVM's initialization of a class. */
    private static boolean waitsForClassInit(List<String> stack) {
        for (String l : stack) {
            if (l.contains("ensureClassInitialized")) {
                return true;
            }
        }
        return false;
    }

    private static boolean jdk(String frame) {
        String m = frame.substring(frame.indexOf('/') + 1);
        return frame.startsWith("java.")
                || frame.startsWith("jdk.")
                || m.startsWith("java.")
                || m.startsWith("jdk.")
                || m.startsWith("sun.");
    }

    /** The runtime's worker class: the only threads that bear an actor's name. */
    private static final String WORKER = "io.refguard.explore.runtime.Worker";

    /**
     * After a stuck thread was interrupted and given up: a note saying that it is still running and
     * where, when it has not ended within a short grace period, else null. Such a thread is blocked
     * where an interrupt does not reach (a socket read, an uninterruptible lock) or spins without a
     * scheduling point; refguard cannot stop it, so the report says so.
     */
    static String leftRunning(String actorName) {
        long end = System.nanoTime() + 200_000_000L;
        while (true) {
            Thread left = null;
            for (var e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (t.getName().equals(actorName)
                        && t.isAlive()
                        && t.getClass().getName().equals(WORKER)
                        && !waitsInRuntime(e.getValue())) {
                    left = t;
                }
            }
            if (left == null) {
                return null;
            }
            if (System.nanoTime() - end >= 0) {
                StackTraceElement[] st = left.getStackTrace();
                return actorName
                        + " did not stop when interrupted and is left running"
                        + (st.length == 0 ? "" : " in " + method(st[0].toString()))
                        + ": refguard cannot stop a thread there; it ends when that call returns, or with the JVM";
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Whether a worker's stack is the runtime's own wait for the baton or for work. */
    private static boolean waitsInRuntime(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String m = f.getMethodName();
            if (f.getClassName().startsWith("io.refguard.explore.runtime.")
                    && (m.equals("spinThenPark") || m.equals("awaitAssignment"))) {
                return true;
            }
            if (!f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")) {
                return false; // the first frame outside the JDK decides
            }
        }
        return false;
    }

    /**
     * {@code pkg.Class.method} of a stack frame's text such as {@code java.base/pkg.C.m(C.java:3)}.
     */
    static String method(String frame) {
        int paren = frame.indexOf('(');
        String m = paren < 0 ? frame : frame.substring(0, paren);
        int slash = m.lastIndexOf('/');
        return slash < 0 ? m : m.substring(slash + 1);
    }
}
