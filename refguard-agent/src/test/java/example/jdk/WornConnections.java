package example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Eighty requests share two connections, each good for two queries. A request that wears a
 * connection out reports it to a janitor, which closes it if it is still idle, but checks and
 * closes in two steps: a request may take the connection in between and query a closed one. The bug
 * needs one janitor and three requests in a particular order; the other requests only add steps,
 * and each of their switches is a preemption in a random schedule.
 */
public final class WornConnections {
    private WornConnections() {}

    static final int REQUESTS = 80;

    static final class Connection {
        final AtomicInteger used = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        void query() {
            if (closed.get()) {
                throw new IllegalStateException("query on a closed connection");
            }
            used.incrementAndGet();
        }

        boolean worn() {
            return used.get() >= 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Semaphore permits = new Semaphore(2);
        ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
        LinkedBlockingQueue<Connection> worn = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Connection last = new Connection();
        Thread janitor =
                new Thread(
                        () -> {
                            try {
                                for (Connection c; (c = worn.take()) != last; ) {
                                    if (idle.contains(c)) {
                                        c.closed.set(true); // BUG: a request may have taken it
                                        idle.remove(c);
                                    }
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "janitor");
        janitor.start();
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    permits.acquire();
                                    Connection c = idle.pollFirst();
                                    if (c == null) {
                                        c = new Connection();
                                    }
                                    try {
                                        c.query();
                                    } finally {
                                        idle.offerFirst(c);
                                        if (c.worn()) {
                                            worn.offer(c);
                                        }
                                        permits.release();
                                    }
                                } catch (Throwable e) {
                                    failure.compareAndSet(null, e);
                                }
                            },
                            "request-" + i);
            requests.add(t);
            t.start();
        }
        for (Thread t : requests) {
            t.join();
        }
        worn.offer(last);
        janitor.join();
        if (failure.get() != null) {
            throw new AssertionError("a request failed: " + failure.get(), failure.get());
        }
    }
}
