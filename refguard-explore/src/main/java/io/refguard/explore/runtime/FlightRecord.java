package io.refguard.explore.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The schedule of the run in progress, kept in a memory-mapped file so that it outlives the JVM. A
 * run that crashes the JVM (a use after free of native memory, a fault in JNI code) leaves no
 * report; but the pages of a shared file mapping belong to the operating system, which writes them
 * back whatever becomes of the process, so {@link #read} can turn the file into the replay token of
 * the run that crashed. Each step costs two plain writes into the mapping: the thread chosen, and
 * the step count. Schedules longer than {@link #CAPACITY} steps keep their first steps only.
 *
 * <p>Layout (big-endian ints): magic, fingerprint of the scenario, state (1 while a run is in
 * progress, 0 between runs), run number (a long), step count, then the chosen thread of each step.
 */
public final class FlightRecord implements AutoCloseable {

    /** Steps a record keeps of one run: the longest schedule a replay token holds. */
    public static final int CAPACITY = 1_000_000;

    private static final int MAGIC = 0x52474652; // "RGFR"
    private static final int FINGERPRINT = 4;
    private static final int STATE = 8;
    private static final int RUN = 12;
    private static final int STEPS = 20;
    private static final int HEAD = 24;

    private final Path file;
    private final FileChannel channel;
    private final MappedByteBuffer map;

    private FlightRecord(Path file, FileChannel channel, MappedByteBuffer map) {
        this.file = file;
        this.channel = channel;
        this.map = map;
    }

    /**
     * Creates (or overwrites) the record {@code file} for a scenario with {@code fingerprint}.
     *
     * @throws IOException when the file cannot be created or mapped
     */
    public static FlightRecord create(Path file, int fingerprint) throws IOException {
        FileChannel ch =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        try {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, HEAD + 4L * CAPACITY);
            m.order(ByteOrder.BIG_ENDIAN);
            m.putInt(0, MAGIC);
            m.putInt(FINGERPRINT, fingerprint);
            return new FlightRecord(file, ch, m);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The file this record writes. */
    public Path file() {
        return file;
    }

    void begin(long run) {
        map.putInt(STEPS, 0);
        map.putLong(RUN, run);
        map.putInt(STATE, 1);
    }

    void step(int s, int thread) {
        if (s < CAPACITY) {
            map.putInt(HEAD + 4 * s, thread);
            map.putInt(STEPS, s + 1);
        }
    }

    void end() {
        map.putInt(STATE, 0);
    }

    /**
     * Closes the record and deletes its file: an exploration that ends, however it ends, leaves no
     * record behind; only a JVM that dies does.
     */
    @Override
    public void close() {
        end();
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a record left behind says no run was in progress: read answers null
        }
    }

    /** A run that was in progress when its JVM ended. */
    public static final class Crash {
        private final int fingerprint;
        private final long run;
        private final int[] schedule;
        private final boolean truncated;

        Crash(int fingerprint, long run, int[] schedule, boolean truncated) {
            this.fingerprint = fingerprint;
            this.run = run;
            this.schedule = schedule;
            this.truncated = truncated;
        }

        /** The fingerprint of the explored scenario, for its replay token. */
        public int fingerprint() {
            return fingerprint;
        }

        /** The run's number in its exploration, from 1. */
        public long run() {
            return run;
        }

        /** The steps chosen until the JVM ended, the last one included. */
        public int[] schedule() {
            return schedule.clone();
        }

        /** Whether the run reached {@link #CAPACITY} steps: then only those are kept. */
        public boolean truncated() {
            return truncated;
        }
    }

    /**
     * The run that was in progress in record {@code file} when its JVM ended, or null when the file
     * is no record, or records no run in progress (every run ended).
     *
     * @throws IOException when the file cannot be read
     */
    public static Crash read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < HEAD) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(HEAD).order(ByteOrder.BIG_ENDIAN);
            while (head.hasRemaining() && ch.read(head) >= 0) {
                // read the header
            }
            if (head.position() < HEAD || head.getInt(0) != MAGIC || head.getInt(STATE) != 1) {
                return null;
            }
            int steps = head.getInt(STEPS);
            long written = (ch.size() - HEAD) / 4;
            if (steps < 0 || steps > written) {
                return null;
            }
            ByteBuffer body = ByteBuffer.allocate(4 * steps).order(ByteOrder.BIG_ENDIAN);
            ch.position(HEAD);
            while (body.hasRemaining() && ch.read(body) >= 0) {
                // read the steps
            }
            body.flip();
            int[] schedule = new int[body.remaining() / 4];
            body.asIntBuffer().get(schedule);
            return new Crash(
                    head.getInt(FINGERPRINT), head.getLong(RUN), schedule, steps == CAPACITY);
        }
    }
}
