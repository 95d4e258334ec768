package programs.libs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;

/** A request thread fills a pooled buffer and hands it to a worker pool for logging; Fixed:
 *  the worker's reference is taken by the request thread before the hand-off. */
public class JettyRetainHandoffFix {
    static RetainableByteBuffer fill(ArrayByteBufferPool pool, String s) {
        RetainableByteBuffer b = pool.acquire(64, false);
        ByteBuffer bb = b.getByteBuffer();
        BufferUtil.append(bb, s.getBytes(StandardCharsets.US_ASCII), 0, s.length());
        return b;
    }

    public static void main(String[] args) throws Exception {
        ArrayByteBufferPool pool = new ArrayByteBufferPool();
        ExecutorService logger = Executors.newFixedThreadPool(1);
        logger.submit(() -> { }).get();                         // warm the worker up
        AtomicReference<Object> logged = new AtomicReference<>();
        RetainableByteBuffer req = fill(pool, "GET /a");
        req.retain();                                           // FIX: the worker's reference, taken before the hand-off
        logger.execute(() -> {
            try {
                try { logged.set(BufferUtil.toString(req.getByteBuffer())); } finally { req.release(); }
            } catch (IllegalStateException e) { logged.set(e); }
        });
        Thread.sleep(2);                                        // stands in for writing the response
        req.release();                                          // the request thread is done with it
        RetainableByteBuffer next = fill(pool, "PUT /b");       // next request may reuse the same memory
        logger.shutdown();
        if (!logger.awaitTermination(5, TimeUnit.SECONDS)) throw new AssertionError("logger stuck");
        next.release();
        if (!"GET /a".equals(logged.get())) throw new AssertionError("logged " + logged.get());
    }
}
