package programs.libs;

import com.google.common.util.concurrent.AbstractExecutionThreadService;
import java.util.concurrent.atomic.AtomicBoolean;

/** A service opens a segment in startUp, serves until stopped, and closes it in shutDown.
 *  Fixed: main waits for the service to terminate before it checks the segment. */
public class GuavaServiceStopFix {
    static final AtomicBoolean segmentOpen = new AtomicBoolean();

    public static void main(String[] args) throws Exception {
        AbstractExecutionThreadService service = new AbstractExecutionThreadService() {
            @Override protected void startUp() { segmentOpen.set(true); }
            @Override protected void run() { while (isRunning()) Thread.yield(); }
            @Override protected void shutDown() { segmentOpen.set(false); }
        };
        service.startAsync().awaitRunning();
        service.stopAsync().awaitTerminated();                 // FIX
        if (segmentOpen.get()) throw new AssertionError("the segment was still open after the stop");
    }
}
