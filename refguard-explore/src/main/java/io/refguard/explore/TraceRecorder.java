package io.refguard.explore;

import io.refguard.explore.report.TraceEvent;
import io.refguard.explore.runtime.Tracer;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.List;

/** Collects a traced run's events into the report's immutable event model. */
final class TraceRecorder implements Tracer {

    private final List<TraceEvent> events = new ArrayList<>();
    /** Where each actor was declared, by thread id: the line of a step no user frame names. */
    private final List<String> declaredAt;

    TraceRecorder(List<String> declaredAt) {
        this.declaredAt = declaredAt;
    }

    @Override
    public void step(int step, int thread, String label, Access access, String target,
            String location, boolean preemption) {
        if (location == null && thread < declaredAt.size() && !"start".equals(label)) {
            // an actor written as a method reference into library code (SharedInt::incrementAndGet,
            // buffer::close) has no frame of its own: its line is where it was declared
            location = declaredAt.get(thread);
        }
        events.add(new TraceEvent.Step(step, thread, label, access, target, location, preemption));
    }

    @Override
    public void blocked(int thread, String waitsFor) {
        events.add(new TraceEvent.Blocked(thread, waitsFor));
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
}
