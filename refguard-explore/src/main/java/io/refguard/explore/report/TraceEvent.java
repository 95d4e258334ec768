package io.refguard.explore.report;

import io.refguard.hook.Access;
import java.util.List;

/**
 * One event of a traced run, in execution order. Immutable. Threads are referred to by id, an index
 * into {@link InterleavingReport#threads()}.
 */
public sealed interface TraceEvent {

    /** The thread the event belongs to; its column in the table. */
    int thread();

    /**
     * Calls the method of {@code visitor} for this event's kind. Renderers walk events this way, so
     * that each handles every kind: a new kind adds a method here, and every walk fails to compile
     * until it says what the kind shows.
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of event (the visitor pattern over this sealed type). */
    interface Visitor<R> {
        /** A step. */
        R step(Step s);

        /** A thread blocked. */
        R blocked(Blocked b);

        /** A thread started another. */
        R spawned(Spawned s);

        /** A thread returned from its body. */
        R finished(Finished f);

        /** Steps left out of a long run's report. */
        R omitted(Omitted o);

        /** Something the runtime decided about a thread that its steps do not show. */
        R note(Note n);
    }

    /**
     * The thread performed the operation it announced at a scheduling point.
     *
     * @param step the step's index in the run, from 0
     * @param target the report name of the touched object, or null
     * @param location {@code File.java:line} of the user code, or null
     * @param preemption whether the previously running thread could have gone on
     * @param method the user method the step happened in, as {@code Class.method}, or null
     * @param stack the user part of the thread's stack at the step, innermost first, as {@code
     *     Class.method(File.java:line)}; empty when the run was not traced
     */
    record Step(
            int step,
            int thread,
            String label,
            Access access,
            String target,
            String location,
            boolean preemption,
            String method,
            List<String> stack)
            implements TraceEvent {

        /** Validates and copies. */
        public Step {
            stack = stack == null ? List.of() : List.copyOf(stack);
        }

        /** A step without its method and stack, as an untraced run knows it. */
        public Step(
                int step,
                int thread,
                String label,
                Access access,
                String target,
                String location,
                boolean preemption) {
            this(step, thread, label, access, target, location, preemption, null, List.of());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.step(this);
        }
    }

    /** The thread cannot go on until {@code waitsFor} (a lock, a signal, a thread, a condition). */
    record Blocked(int thread, String waitsFor) implements TraceEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.blocked(this);
        }
    }

    /**
     * What the runtime decided about the thread that its steps do not show, in words: e.g. that a
     * timed wait ended at once, as if the other threads were slow.
     */
    record Note(int thread, String text) implements TraceEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.note(this);
        }
    }

    /** The thread started thread {@code child}. */
    record Spawned(int thread, int child) implements TraceEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.spawned(this);
        }
    }

    /** The thread returned from its body. */
    record Finished(int thread) implements TraceEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.finished(this);
        }
    }

    /**
     * {@code steps} steps that the report leaves out, not counting thread starts, which have no
     * row: the middle of a run that made no progress ({@code what} null; {@link #thread} is the
     * thread of the first of them), or what one thread did in static initializers with no other
     * thread in between ({@code what} says which, as {@code "in static initializers: A, B"}).
     */
    record Omitted(int thread, int steps, String what) implements TraceEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.omitted(this);
        }
    }
}
