package io.refguard.explore;

import io.refguard.explore.report.TraceEvent;
import io.refguard.explore.runtime.Tracer;
import io.refguard.hook.Access;
import io.refguard.hook.LibraryCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects a traced run's events into the report's immutable event model. When a thread announces
 * an operation, the recorder walks that thread's stack (only traced re-runs do this) and keeps the
 * user frames; the thread's next step carries them, with the user method they start in.
 */
final class TraceRecorder implements Tracer {

    /** Frames kept per step: enough to see the call path, bounded for deep recursion. */
    private static final int MAX_FRAMES = 24;

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final List<TraceEvent> events = new ArrayList<>();

    /** The stack of each thread's last announced operation; written and read under the baton. */
    private final Map<Integer, List<StackWalker.StackFrame>> announced = new HashMap<>();

    /** Where each actor was declared, by thread id: the line of a step no user frame names. */
    private final List<String> declaredAt;

    TraceRecorder(List<String> declaredAt) {
        this.declaredAt = declaredAt;
    }

    @Override
    public void announced(int thread) {
        announced.put(
                thread,
                WALKER.walk(
                        frames ->
                                frames.dropWhile(f -> isMachinery(f.getClassName()))
                                        .limit(MAX_FRAMES)
                                        .collect(Collectors.toList())));
    }

    @Override
    public void step(
            int step,
            int thread,
            String label,
            Access access,
            String target,
            String location,
            boolean preemption) {
        if (location == null && thread < declaredAt.size() && !"start".equals(label)) {
            // an actor written as a method reference into library code (SharedInt::incrementAndGet,
            // buffer::close) has no frame of its own: its line is where it was declared; a
            // program's main, declared by refguard, has none, and a step no frame names shows none
            location = declaredAt.get(thread);
        }
        // a step with no announcement of its own (a blocked operation taken again once it can
        // go on) is still the operation the thread last announced, with its stack
        List<StackWalker.StackFrame> frames = announced.get(thread);
        String method = null;
        List<String> stack = new ArrayList<>();
        if (frames != null) {
            StackWalker.StackFrame copy = null;
            for (StackWalker.StackFrame f : frames) {
                if (isMachinery(f.getClassName())) {
                    break; // the runtime's frames below the user's body
                }
                if (copy != null
                        && f.getClassName().equals(copy.getClassName())
                        && f.getMethodName().equals(baseName(copy.getMethodName()))) {
                    copy = null;
                    continue; // the method's dispatcher, which called its instrumented copy
                }
                copy = f.getMethodName().equals(baseName(f.getMethodName())) ? null : f;
                stack.add(frameText(f));
            }
            if (!frames.isEmpty()) {
                method = methodName(frames.get(0).getClassName(), frames.get(0).getMethodName());
            }
        }
        events.add(
                new TraceEvent.Step(
                        step, thread, label, access, target, location, preemption, method, stack));
    }

    /**
     * Writes the call's values into the label of the thread's last step: {@code Map.get()} becomes
     * {@code Map.get("k") -> 1}.
     */
    @Override
    public void values(int thread, String arguments, String result) {
        relabel(thread, arguments, result, null);
    }

    /** Shows the call on refguard's type in place of the label of the thread's last step. */
    @Override
    public void call(int thread, String call) {
        relabel(thread, "", null, call);
    }

    /**
     * Rewrites the label of the thread's last step: {@code call} in its place when given, else with
     * the call's values.
     */
    private void relabel(int thread, String arguments, String result, String call) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof TraceEvent.Step s && s.thread() == thread) {
                events.set(
                        i,
                        new TraceEvent.Step(
                                s.step(),
                                thread,
                                call != null ? call : withValues(s.label(), arguments, result),
                                s.access(),
                                s.target(),
                                s.location(),
                                s.preemption(),
                                s.method(),
                                s.stack()));
                return;
            }
        }
    }

    /**
     * {@code label} with the arguments in its parentheses (when it ends in {@code ()}) and the
     * result.
     */
    static String withValues(String label, String arguments, String result) {
        if (result != null && label.endsWith(" -> " + result)) {
            // a model already showed the result (a try's true or false): once is enough
            label = label.substring(0, label.length() - result.length() - 4);
        }
        String call =
                label.endsWith("()") && !arguments.isEmpty()
                        ? label.substring(0, label.length() - 1) + arguments + ")"
                        : label;
        return result == null ? call : call + " -> " + result;
    }

    @Override
    public void blocked(int thread, String waitsFor) {
        events.add(new TraceEvent.Blocked(thread, waitsFor));
    }

    @Override
    public void note(int thread, String text) {
        events.add(new TraceEvent.Note(thread, text));
    }

    @Override
    public void spawned(int parent, int child, String name) {
        events.add(new TraceEvent.Spawned(parent, child));
    }

    @Override
    public void finished(int thread) {
        events.add(new TraceEvent.Finished(thread));
    }

    List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /** The same rule as the report's source lines: the JDK, JUnit and refguard's main code. */
    private static boolean isMachinery(String className) {
        return className.startsWith("java.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("org.junit.")
                || LibraryCode.contains(className);
    }

    private static String frameText(StackWalker.StackFrame f) {
        String file = f.getFileName();
        String where =
                file == null
                        ? "Unknown Source"
                        : f.getLineNumber() > 0 ? file + ":" + f.getLineNumber() : file;
        return methodName(f.getClassName(), f.getMethodName()) + "(" + where + ")";
    }

    /**
     * The method's own name: a copy the agent made of it ({@code run$refguard$modeled}, for a
     * method with monitors) is shown as the method.
     */
    private static String baseName(String method) {
        int copy = method.indexOf("$refguard$");
        return copy > 0 ? method.substring(0, copy) : method;
    }

    /**
     * {@code Simple.method}, nested classes joined with dots; a lambda's synthetic method {@code
     * lambda$run$0} is shown as {@code run/lambda}.
     */
    static String methodName(String className, String method) {
        String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
        String m = baseName(method);
        if (m.startsWith("lambda$")) {
            int end = m.indexOf('$', 7);
            m = (end > 7 ? m.substring(7, end) : "") + "/lambda";
        }
        return simple + "." + m;
    }
}
