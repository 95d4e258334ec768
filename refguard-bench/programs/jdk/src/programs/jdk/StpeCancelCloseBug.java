package programs.jdk;

import java.util.concurrent.*;

/** A periodic flusher; on shutdown we cancel it, flush what is left, and close the sink. */
public class StpeCancelCloseBug {
    static class Sink {
        private final StringBuilder out = new StringBuilder();
        private boolean closed;
        int dropped;
        synchronized void write(String s) { if (closed) dropped++; else out.append(s).append('\n'); }
        synchronized void close() { closed = true; }
    }

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
        Sink sink = new Sink();
        ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
        Runnable flush = () -> { String s; while ((s = pending.poll()) != null) sink.write(s); };
        ScheduledFuture<?> flusher = ses.scheduleAtFixedRate(flush, 5, 5, TimeUnit.MILLISECONDS);
        for (int i = 0; i < 4; i++) {
            pending.add("line " + i);
            Thread.sleep(5);
        }
        flusher.cancel(false);        // BUG: does not wait for a flush that is running right now
        flush.run();
        sink.close();
        ses.shutdown();
        ses.awaitTermination(1, TimeUnit.MINUTES);
        synchronized (sink) {
            if (sink.dropped != 0) throw new AssertionError(sink.dropped + " line(s) written after close were lost");
        }
    }
}
