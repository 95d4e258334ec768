package example.corpus;

import example.sitehelper.Forwarding;
import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.swap.HotSwap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Calls into refguard's reference API, each on a line whose site marker starts with {@code ref},
 * next to calls that only look like them, whose marker starts with {@code other}; one such call per
 * marked line. Every reference taken is closed, so a run ends with the buffer freed.
 */
public final class RefUses implements Callable<String> {

    /** A resource with nothing to free but a count of frees. */
    public static final class Buffer extends RefCounted<Buffer> {
        private int frees;

        /** How many times this buffer was freed. */
        public int frees() {
            return frees;
        }

        @Override
        protected void deallocate() {
            frees++;
        }
    }

    /** Names of {@code Ref}'s methods on a type that is no {@code Ref}. */
    public static final class Lookalike implements AutoCloseable {
        private final Buffer buffer;

        public Lookalike(Buffer buffer) {
            this.buffer = buffer;
        }

        public Ref<Buffer> acquire() {
            return buffer.tryAcquire();
        }

        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    @Override
    public String call() throws IOException {
        Buffer buffer = new Buffer();
        Ref<Buffer> ref = buffer.acquire(); // site: ref acquire
        Ref<Buffer> maybe = buffer.tryAcquire(); // site: ref tryAcquire
        Ref<Buffer> shared = ref.share(); // site: ref share
        ref.touch("hint"); // site: ref touch
        Buffer viaRef = ref.get(); // site: ref get
        Buffer viaCreator = buffer.get(); // site: ref creator get
        boolean open = shared.isOpen(); // site: ref isOpen
        shared.close(); // site: ref close
        maybe.close(); // site: ref close tried
        Forwarding<Buffer> forwarding = new Forwarding<>(ref);
        boolean forwardedOpen = forwarding.isOpen(); // site: ref user Ref isOpen
        forwarding.close(); // site: ref user Ref close
        HotSwap<Buffer> swap = new HotSwap<>(buffer.share()); // site: ref creator share
        Ref<Buffer> snapshot = swap.acquire(); // site: ref HotSwap acquire
        snapshot.close(); // site: ref snapshot close
        swap.close(); // site: other HotSwap close
        Lookalike lookalike = new Lookalike(buffer);
        Ref<Buffer> looked = lookalike.acquire(); // site: other lookalike acquire
        boolean lookalikeOpen = lookalike.isOpen(); // site: other lookalike isOpen
        lookalike.close(); // site: other lookalike close
        looked.close(); // site: ref looked close
        int count = buffer.refCount(); // site: other refCount
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
        in.close(); // site: other stream close
        AutoCloseable closeable = buffer;
        closeWithoutException(closeable);
        return "open="
                + open
                + " forwardedOpen="
                + forwardedOpen
                + " lookalikeOpen="
                + lookalikeOpen
                + " count="
                + count
                + " same="
                + (viaRef == viaCreator)
                + " frees="
                + buffer.frees()
                + " alive="
                + buffer.isAlive();
    }

    private static void closeWithoutException(AutoCloseable closeable) {
        try {
            closeable.close(); // site: other AutoCloseable close
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
