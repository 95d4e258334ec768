package example.determinism;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Programs whose steps depend on randomness the JVM or the operating system supplies: each of two
 * threads makes six draws and takes a lock for each draw that is a multiple of four, so unless the
 * draws repeat with the schedule, two runs of one schedule differ. Each nested class draws from one
 * source; every exploration of them must pass.
 */
public final class EntropySeeded {

    private EntropySeeded() {}

    static final Object LOCK = new Object();
    static int taken;

    static void run(LongSupplier draws) throws InterruptedException {
        Runnable drawer =
                () -> {
                    for (int i = 0; i < 6; i++) {
                        if ((draws.getAsLong() & 3) == 0) {
                            synchronized (LOCK) {
                                taken++;
                            }
                        }
                    }
                };
        Thread a = new Thread(drawer);
        Thread b = new Thread(drawer);
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /** Seeds an id generator from {@code /dev/urandom} in a static initializer, as Lucene does. */
    public static final class FromEntropyFile {
        private FromEntropyFile() {}

        static long next;

        static {
            try (DataInputStream in =
                    new DataInputStream(Files.newInputStream(Paths.get("/dev/urandom")))) {
                next = in.readLong();
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static synchronized long nextId() {
            next = next * 6364136223846793005L + 1442695040888963407L;
            return next >>> 32;
        }

        public static void main(String[] args) throws InterruptedException {
            run(FromEntropyFile::nextId);
        }
    }

    /** Draws from a {@code Random} made without a seed, one per thread. */
    public static final class FromUnseededRandom {
        private FromUnseededRandom() {}

        public static void main(String[] args) throws InterruptedException {
            ThreadLocal<Random> random = ThreadLocal.withInitial(() -> new Random());
            run(() -> random.get().nextLong());
        }
    }

    /** Draws from one shared {@code SecureRandom}. */
    public static final class FromSecureRandom {
        private FromSecureRandom() {}

        public static void main(String[] args) throws InterruptedException {
            SecureRandom random = new SecureRandom();
            run(random::nextLong);
        }
    }

    /** Draws random UUIDs. */
    public static final class FromRandomUuids {
        private FromRandomUuids() {}

        public static void main(String[] args) throws InterruptedException {
            run(() -> UUID.randomUUID().getLeastSignificantBits() >>> 7);
        }
    }
}
