package programs.apps.pagecache.bug.store;

import java.util.concurrent.atomic.AtomicLong;

/** The backing store: page i is 32 bytes of value i. */
public final class Disk {
    public static final int PAGE_SIZE = 32;
    private final AtomicLong reads = new AtomicLong();

    public byte[] read(long id) {
        reads.incrementAndGet();
        byte[] b = new byte[PAGE_SIZE];
        java.util.Arrays.fill(b, (byte) id);
        return b;
    }

    public long reads() { return reads.get(); }

    public static int checksum(byte[] data) {
        int sum = 0;
        for (byte x : data) sum += x;
        return sum;
    }

    public static int expected(long id) { return (int) (PAGE_SIZE * (byte) id); }
}
