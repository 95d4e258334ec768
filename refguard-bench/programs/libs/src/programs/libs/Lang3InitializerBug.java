package programs.libs;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.lang3.concurrent.AtomicInitializer;
import org.apache.commons.lang3.concurrent.ConcurrentException;
import org.apache.commons.lang3.concurrent.ConcurrentInitializer;
import org.apache.commons.lang3.concurrent.LazyInitializer;

/** A lazily opened, shared session (it holds a native handle and must be closed).
 *  AtomicInitializer may run initialize() more than once when threads race (its documentation
 *  says so): the losers' sessions are thrown away unclosed, a leak. */
public class Lang3InitializerBug {
    static final AtomicInteger open = new AtomicInteger();

    static final class Session implements AutoCloseable {
        Session() { open.incrementAndGet(); }
        @Override public void close() { open.decrementAndGet(); }
    }

    static final ConcurrentInitializer<Session> SESSION = new AtomicInitializer<Session>() {   // BUG
        @Override protected Session initialize() { return new Session(); }
    };

    static final ConcurrentInitializer<String> CONFIG = new AtomicInitializer<String>() {
        @Override protected String initialize() { return "endpoint=local"; }
    };

    public static void main(String[] args) throws Exception {
        new Session().close();                         // self-test of the native handle at start-up
        if (CONFIG.get().isEmpty()) throw new AssertionError("no config");
        Session[] seen = new Session[3];
        Thread[] ts = new Thread[3];
        for (int i = 0; i < ts.length; i++) {
            int k = i;
            ts[i] = new Thread(() -> {
                try { seen[k] = SESSION.get(); } catch (ConcurrentException e) { throw new RuntimeException(e); }
            }, "user-" + i);
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        if (seen[0] != seen[1] || seen[1] != seen[2]) throw new AssertionError("threads got different sessions");
        SESSION.get().close();
        if (open.get() != 0) throw new AssertionError("leaked sessions: " + open.get());
    }
}
