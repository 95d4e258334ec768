package programs.libs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** A result buffer is consumed by "complete" or dropped by "cancel", whichever claims it first.
 *  Fixed: the claim is a compareAndSet. */
public class ArrowDoubleReleaseFix {
    static final class Result {
        final ArrowBuf buf;
        final AtomicBoolean claimed = new AtomicBoolean();
        Result(ArrowBuf buf) { this.buf = buf; }

        boolean claim() {
            return claimed.compareAndSet(false, true);   // FIX: exactly one winner
        }
    }

    public static void main(String[] args) throws Exception {
        try (BufferAllocator root = new RootAllocator(1 << 20)) {
            ArrowBuf buf = root.buffer(64);
            buf.setLong(0, 42L);
            Result r = new Result(buf);
            AtomicLong seen = new AtomicLong();
            Throwable[] err = new Throwable[2];
            Thread complete = new Thread(() -> {
                try {
                    if (r.claim()) { seen.set(r.buf.getLong(0)); r.buf.close(); }
                } catch (Throwable t) { err[0] = t; }
            }, "complete");
            Thread cancel = new Thread(() -> {
                try {
                    if (r.claim()) r.buf.close();
                } catch (Throwable t) { err[1] = t; }
            }, "cancel");
            complete.start();
            cancel.start();
            complete.join();
            cancel.join();
            if (err[0] != null || err[1] != null)
                throw new AssertionError("release failed: " + err[0] + " / " + err[1]);
            if (root.getAllocatedMemory() != 0) throw new AssertionError("leaked " + root.getAllocatedMemory());
        }
    }
}
