package io.refguard.explore.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The user methods a step happened in, outermost first: the call tree both renderers draw. Derived
 * from the user part of the step's stack that the traced re-run records (no method entry or exit is
 * recorded), so a method appears when a step happens inside it, and a method that reaches no
 * scheduling point does not appear.
 *
 * <p>The path starts below the thread's entry point when that is a lambda (an actor's body, a
 * thread's {@code Runnable}): the column already names the thread, and a step made in the lambda
 * itself has no method line. A named method as entry point ({@code main}, {@code run}, an actor
 * written as {@code Counter::increment}) is the path's first method. A path deeper than {@link
 * #MAX_DEPTH} keeps its outermost methods and the innermost one, the method the step happened in,
 * marked {@code ... } for the frames left out. Two calls are the same call when they have the same
 * method and their callers the same line, so a method called twice from one line (in a loop) with
 * no step of its caller in between reads as one call.
 */
final class CallPath {

    /** The most methods a path shows. */
    static final int MAX_DEPTH = 3;

    /** Marks the innermost method of a path whose middle frames were left out. */
    static final String ELIDED = "... ";

    private CallPath() {}

    /**
     * One method call on a path: its name, and a key that tells two calls of it apart by where its
     * caller called it.
     */
    record Call(String name, String key) {}

    /** The calls of {@code s}, outermost first; empty when the run was not traced. */
    static List<Call> of(TraceEvent.Step s) {
        List<String> stack = s.stack();
        List<Call> path = new ArrayList<>(stack.size());
        String caller = "";
        for (int i = stack.size() - 1; i >= 0; i--) {
            String frame = stack.get(i);
            String name = method(frame);
            if (name == null) {
                continue;
            }
            path.add(new Call(name, caller + ">" + name));
            caller = frame; // its line is where it called the next method
        }
        if (!path.isEmpty() && path.get(0).name().endsWith("/lambda")) {
            path.remove(0); // the thread's body: its column names it
        }
        if (path.size() > MAX_DEPTH) {
            Call innermost = path.get(path.size() - 1);
            path = new ArrayList<>(path.subList(0, MAX_DEPTH - 1));
            path.add(new Call(ELIDED + innermost.name(), innermost.key()));
        }
        return path;
    }

    /**
     * {@code Class.method} of a frame written as {@code Outer.Class.method(File.java:line)}: the
     * innermost class only, which keeps method lines short (the step's stack in the HTML page names
     * the outer classes); an anonymous class with its outer one ({@code Outer$5.run}). The agent's
     * static re-initializer ({@code $rg$reinit}, {@code $rg$clinit}) reads as {@code <clinit>}, the
     * JVM's name for a static initializer; its other generated methods ({@code $rg$ensure}) are
     * left out: null.
     */
    private static String method(String frame) {
        int paren = frame.indexOf('(');
        String qualified = paren > 0 ? frame.substring(0, paren) : frame;
        int dot = qualified.lastIndexOf('.');
        String name = dot >= 0 ? qualified.substring(dot + 1) : qualified;
        if (name.startsWith("$rg$")) {
            if (!name.equals("$rg$reinit") && !name.equals("$rg$clinit")) {
                return null;
            }
            name = "<clinit>";
        }
        int classDot = dot > 0 ? qualified.lastIndexOf('.', dot - 1) : -1;
        String cls = qualified.substring(classDot + 1, Math.max(classDot + 1, dot));
        if (!cls.isEmpty() && Character.isDigit(cls.charAt(0)) && classDot > 0) {
            int outerDot = qualified.lastIndexOf('.', classDot - 1);
            cls = qualified.substring(outerDot + 1, classDot) + "$" + cls;
        }
        return cls.isEmpty() ? name : cls + "." + name;
    }

    /** How many leading methods {@code a} and {@code b} share. */
    static int common(List<Call> a, List<Call> b) {
        int n = Math.min(a.size(), b.size());
        int i = 0;
        while (i < n && a.get(i).key().equals(b.get(i).key())) {
            i++;
        }
        return i;
    }
}
