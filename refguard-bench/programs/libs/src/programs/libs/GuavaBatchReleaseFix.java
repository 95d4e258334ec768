package programs.libs;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Two reads on a listening pool each fill a pooled buffer; the batch releases them all at once.
 *  Fixed: the release is a transform of the batch, and main waits for the transform's future. */
public class GuavaBatchReleaseFix {
    static final AtomicInteger open = new AtomicInteger();

    static final class Buffer {
        Buffer() { open.incrementAndGet(); }
        void release() { open.decrementAndGet(); }
    }

    public static void main(String[] args) throws Exception {
        ListeningExecutorService pool = MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(2));
        ListenableFuture<Buffer> a = pool.submit(Buffer::new);
        ListenableFuture<Buffer> b = pool.submit(Buffer::new);
        ListenableFuture<Integer> released = Futures.transform(Futures.allAsList(a, b), all -> {   // FIX
            all.forEach(Buffer::release);
            return all.size();
        }, MoreExecutors.directExecutor());
        int n = released.get();
        int left = open.get();
        pool.shutdown();
        if (n != 2 || left != 0) throw new AssertionError(left + " buffers still held after the batch");
    }
}
