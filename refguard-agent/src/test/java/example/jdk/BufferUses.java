package example.jdk;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.zip.CRC32;

/**
 * Uses of objects that are not thread-safe by two threads: correct ones, which must pass (a
 * duplicate per thread, absolute reads of a buffer filled before the readers started, a buffer
 * handed over by {@code join}), and races on a {@code BitSet} and a {@code CRC32}, which must be
 * reported.
 */
public final class BufferUses {

    private BufferUses() {}

    static void both(Runnable a, Runnable b) throws InterruptedException {
        Thread ta = new Thread(a, "a");
        Thread tb = new Thread(b, "b");
        ta.start();
        tb.start();
        ta.join();
        tb.join();
    }

    /** Each thread reads through its own duplicate, with a position of its own. */
    public static final class OwnDuplicates {
        private OwnDuplicates() {}

        public static void main(String[] args) throws InterruptedException {
            ByteBuffer shared = ByteBuffer.allocate(16).putLong(7).putLong(9).flip();
            long[] got = new long[2];
            both(
                    () -> got[0] = shared.duplicate().getLong(),
                    () -> {
                        ByteBuffer mine = shared.duplicate();
                        mine.getLong();
                        got[1] = mine.getLong();
                    });
            if (got[0] != 7 || got[1] != 9) {
                throw new AssertionError("read " + got[0] + " and " + got[1]);
            }
        }
    }

    /** Absolute reads of a buffer filled before the readers started; main reads it after join. */
    public static final class AbsoluteReads {
        private AbsoluteReads() {}

        public static void main(String[] args) throws InterruptedException {
            ByteBuffer table = ByteBuffer.allocate(8).putInt(0, 3).putInt(4, 5);
            int[] got = new int[2];
            both(() -> got[0] = table.getInt(0), () -> got[1] = table.getInt(4));
            table.putInt(0, got[0] + got[1]);
            if (table.getInt(0) != 8) {
                throw new AssertionError("sum " + table.getInt(0));
            }
        }
    }

    /**
     * A pool hands a buffer over through a volatile and then asks what never changes (direct?
     * capacity?) as the new owner moves its position: no use of the buffer's state by the old
     * owner.
     */
    public static final class FixedPropertiesAfterHandOver {
        private FixedPropertiesAfterHandOver() {}

        static volatile ByteBuffer handedOver;

        public static void main(String[] args) throws InterruptedException {
            ByteBuffer buf = ByteBuffer.allocate(16);
            int[] size = new int[1];
            both(
                    () -> {
                        handedOver = buf;
                        size[0] = buf.isDirect() || buf.isReadOnly() ? -1 : buf.capacity();
                    },
                    () -> {
                        ByteBuffer mine;
                        while ((mine = handedOver) == null) {
                            Thread.onSpinWait();
                        }
                        mine.position(5);
                    });
            if (size[0] != 16) {
                throw new AssertionError("capacity " + size[0]);
            }
        }
    }

    /** Two threads set bits of one {@code BitSet}: a word read and written back by each. */
    public static final class SharedBits {
        private SharedBits() {}

        public static void main(String[] args) throws InterruptedException {
            BitSet seen = new BitSet();
            both(() -> seen.set(1), () -> seen.set(2));
            if (seen.cardinality() != 2) {
                throw new AssertionError("lost a bit: " + seen);
            }
        }
    }

    /** Two threads update one checksum. */
    public static final class SharedChecksum {
        private SharedChecksum() {}

        public static void main(String[] args) throws InterruptedException {
            CRC32 crc = new CRC32();
            both(() -> crc.update(1), () -> crc.update(2));
            crc.getValue();
        }
    }

    /** Two threads scan with one {@code Matcher}, each from its own start. */
    public static final class SharedMatcher {
        private SharedMatcher() {}

        public static void main(String[] args) throws InterruptedException {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("[0-9]+").matcher("a1 b22 c333");
            both(() -> m.find(0), () -> m.find(3));
        }
    }

    /** Each thread its own matcher of one shared pattern. */
    public static final class OwnMatchers {
        private OwnMatchers() {}

        public static void main(String[] args) throws InterruptedException {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("[0-9]+");
            String[] found = new String[2];
            both(
                    () -> {
                        java.util.regex.Matcher m = p.matcher("a1");
                        found[0] = m.find() ? m.group() : null;
                    },
                    () -> {
                        java.util.regex.Matcher m = p.matcher("b22");
                        found[1] = m.find() ? m.group() : null;
                    });
            if (!"1".equals(found[0]) || !"22".equals(found[1])) {
                throw new AssertionError(found[0] + " " + found[1]);
            }
        }
    }
}
