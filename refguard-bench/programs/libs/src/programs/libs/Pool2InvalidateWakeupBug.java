package programs.libs;

import java.io.IOException;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/** Pool2LeakOnErrorFix as first written: a sender that fails invalidates its connection, yet a
 *  borrow may still time out. commons-pool2 2.12.1's invalidateObject makes a replacement only
 *  for a borrower that already waits; one that found the pool full and is about to wait is missed,
 *  and waits its 200 ms for nothing. Plain threads show it too: a pool of one, a borrower started
 *  while the only object is out, and that object invalidated a few microseconds later, time out in
 *  about 1 of 1,000 tries on a 2-core machine. */
public class Pool2InvalidateWakeupBug {
    static volatile boolean serverUp = true;

    static final class Conn {
        int sent;
        void send(String m) throws IOException {
            if (!serverUp) throw new IOException("connection reset");
            sent++;
        }
    }

    static void sendOnce(GenericObjectPool<Conn> pool, String m) throws Exception {
        Conn c = pool.borrowObject(Duration.ofMillis(200));
        try {
            c.send(m);
            pool.returnObject(c);
        } catch (IOException e) {
            pool.invalidateObject(c);    // FIX: a broken connection goes back as invalid
        }
    }

    public static void main(String[] args) throws Exception {
        GenericObjectPoolConfig<Conn> cfg = new GenericObjectPoolConfig<>();
        cfg.setMaxTotal(1);
        GenericObjectPool<Conn> pool = new GenericObjectPool<>(new BasePooledObjectFactory<Conn>() {
            @Override public Conn create() { return new Conn(); }
            @Override public PooledObject<Conn> wrap(Conn c) { return new DefaultPooledObject<>(c); }
        }, cfg);
        Throwable[] err = new Throwable[2];
        Thread a = new Thread(() -> { try { sendOnce(pool, "a"); } catch (Throwable t) { err[0] = t; } }, "sender-a");
        Thread b = new Thread(() -> { try { sendOnce(pool, "b"); } catch (Throwable t) { err[1] = t; } }, "sender-b");
        Thread outage = new Thread(() -> { serverUp = false; serverUp = true; }, "outage");
        a.start(); b.start(); outage.start();
        a.join(); b.join(); outage.join();
        for (Throwable t : err)
            if (t instanceof NoSuchElementException) throw new AssertionError("borrow timed out: " + t.getMessage());
        if (pool.getNumActive() != 0) throw new AssertionError("leaked connections: " + pool.getNumActive());
        pool.close();
    }
}
