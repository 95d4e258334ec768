package programs.apps.arena.bug.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Delivers network events (disconnects) to sessions on its own thread. */
public final class EventLoop extends Thread {
    private final BlockingQueue<Session> disconnects = new LinkedBlockingQueue<>();
    private volatile boolean running = true;

    public EventLoop() { super("event-loop"); }

    public void post(Session s) { disconnects.add(s); }

    public void shutdown() { running = false; }

    @Override
    public void run() {
        try {
            while (running || !disconnects.isEmpty()) {
                Session s = disconnects.poll(5, TimeUnit.MILLISECONDS);
                if (s != null) s.disconnect();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
