package io.refguard.explore.report;

import io.refguard.hook.Access;

/**
 * One event of a traced run, in execution order. Immutable. Threads are referred to by id, an
 * index into {@link InterleavingReport#threads()}.
 */
public sealed interface TraceEvent {

    /** The thread the event belongs to; its column in the table. */
    int thread();

    /**
     * The thread performed the operation it announced at a scheduling point.
     *
     * @param step the step's index in the run, from 0
     * @param target the report name of the touched object, or null
     * @param location {@code File.java:line} of the user code, or null
     * @param preemption whether the previously running thread could have gone on
     */
    record Step(int step, int thread, String label, Access access, String target, String location,
            boolean preemption) implements TraceEvent {}

    /** The thread cannot go on until {@code waitsFor} (a lock, a signal, a thread, a condition). */
    record Blocked(int thread, String waitsFor) implements TraceEvent {}

    /** The thread started thread {@code child}. */
    record Spawned(int thread, int child) implements TraceEvent {}

    /** The thread returned from its body. */
    record Finished(int thread) implements TraceEvent {}
}
