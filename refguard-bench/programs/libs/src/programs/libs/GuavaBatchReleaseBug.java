package programs.libs;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Two reads on a listening pool each fill a pooled buffer; the batch releases them all at once.
 *  Bug: the release is a callback on the batch, and main checks right after get(), which can
 *  return before the callback has run on the pool thread that completed the batch. */
public class GuavaBatchReleaseBug {
    static final AtomicInteger open = new AtomicInteger();

    static final class Buffer {
        Buffer() { open.incrementAndGet(); }
        void release() { open.decrementAndGet(); }
    }

    public static void main(String[] args) throws Exception {
        ListeningExecutorService pool = MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(2));
        ListenableFuture<Buffer> a = pool.submit(Buffer::new);
        ListenableFuture<Buffer> b = pool.submit(Buffer::new);
        ListenableFuture<List<Buffer>> batch = Futures.allAsList(a, b);
        Futures.addCallback(batch, new FutureCallback<List<Buffer>>() {   // BUG: nobody waits for it
            @Override public void onSuccess(List<Buffer> all) { all.forEach(Buffer::release); }
            @Override public void onFailure(Throwable t) { }
        }, MoreExecutors.directExecutor());
        batch.get();
        int left = open.get();
        pool.shutdown();
        if (left != 0) throw new AssertionError(left + " buffers still held after the batch");
    }
}
