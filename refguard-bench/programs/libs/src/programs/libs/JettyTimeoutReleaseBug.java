package programs.libs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;

/** A response buffer is released either by the writer when the write completes, or by the
 *  request's idle timeout when the write takes too long. The "done" guard is a volatile flag
 *  tested then set: when the timeout fires while the write completes, both release it. */
public class JettyTimeoutReleaseBug {
    static final class Exchange {
        final RetainableByteBuffer buf;
        final CountDownLatch written = new CountDownLatch(1);
        volatile boolean done;
        Exchange(RetainableByteBuffer buf) { this.buf = buf; }

        void finish() {
            if (!done) {          // BUG: check-then-act
                done = true;
                buf.release();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ArrayByteBufferPool pool = new ArrayByteBufferPool();
        Exchange x = new Exchange(pool.acquire(128, false));   // the exchange's reference
        x.buf.retain();                                         // the writer's own reference
        Throwable[] err = new Throwable[2];
        Thread writer = new Thread(() -> {
            try {
                org.eclipse.jetty.util.BufferUtil.append(x.buf.getByteBuffer(), (byte) 'x');
                x.finish();
                x.buf.release();                                // the writer's own reference
                x.written.countDown();
            }
            catch (Throwable t) { err[0] = t; }
        }, "writer");
        Thread idleTimeout = new Thread(() -> {
            try {
                if (!x.written.await(30, TimeUnit.MILLISECONDS)) x.finish();   // write too slow: abort
            } catch (Throwable t) { err[1] = t; }
        }, "idle-timeout");
        writer.start();
        idleTimeout.start();
        writer.join();
        idleTimeout.join();
        if (err[0] != null || err[1] != null) throw new AssertionError("release failed: " + err[0] + " / " + err[1]);
    }
}
