package programs.libs;

import com.google.common.util.concurrent.AbstractExecutionThreadService;
import java.util.concurrent.atomic.AtomicBoolean;

/** A service opens a segment in startUp, serves until stopped, and closes it in shutDown.
 *  Bug: main checks the segment right after stopAsync(), which only asks the service to stop. */
public class GuavaServiceStopBug {
    static final AtomicBoolean segmentOpen = new AtomicBoolean();

    public static void main(String[] args) throws Exception {
        AbstractExecutionThreadService service = new AbstractExecutionThreadService() {
            @Override protected void startUp() { segmentOpen.set(true); }
            @Override protected void run() { while (isRunning()) Thread.yield(); }
            @Override protected void shutDown() { segmentOpen.set(false); }
        };
        service.startAsync().awaitRunning();
        service.stopAsync();                                   // BUG: no awaitTerminated()
        boolean open = segmentOpen.get();
        service.awaitTerminated();
        if (open) throw new AssertionError("the segment was still open after the stop");
    }
}
