package example.probe;

import io.refguard.agent.bridge.AccessKind;
import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.PassThroughInterceptor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts interceptions while performing them for real. Lives outside the instrumented package: an
 * interceptor must never be instrumented itself.
 */
public final class CountingInterceptor extends PassThroughInterceptor {
    public final AtomicInteger monitorEnters = new AtomicInteger();
    public final AtomicInteger accesses = new AtomicInteger();
    public final AtomicInteger starts = new AtomicInteger();
    public final AtomicReference<Instruction> firstEnter = new AtomicReference<>();

    @Override
    public void beforeAccess(Object target, AccessKind kind, int site) {
        accesses.incrementAndGet();
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        monitorEnters.incrementAndGet();
        firstEnter.compareAndSet(null, Instructions.get(site));
        super.monitorEnter(monitor, site);
    }

    @Override
    public void threadStart(Thread thread, int site) {
        starts.incrementAndGet();
        super.threadStart(thread, site);
    }
}
