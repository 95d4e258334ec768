package example.cli;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * A block of native memory that a reader reads while it is open, and a closer frees: the reader
 * checks that it is open, then reads the address, so it may read after the free. The closer poisons
 * the address it freed, so that the read after the free crashes the JVM as surely as a reuse of the
 * memory would corrupt it: the kind of failure no exception reports.
 */
public final class NativeUseAfterFree {

    private static final Unsafe UNSAFE = unsafe();

    private long address = UNSAFE.allocateMemory(8);
    private boolean open = true;

    private NativeUseAfterFree() {
        UNSAFE.putLong(address, 42);
    }

    long read() {
        return open ? UNSAFE.getLong(address) : -1; // BUG: checked, then read, with no lock
    }

    void close() {
        open = false;
        UNSAFE.freeMemory(address);
        address = 8; // poisoned: a read after the free faults
    }

    public static void main(String[] args) throws InterruptedException {
        NativeUseAfterFree block = new NativeUseAfterFree();
        Thread reader = new Thread(block::read, "reader");
        reader.start();
        block.close();
        reader.join();
    }

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
