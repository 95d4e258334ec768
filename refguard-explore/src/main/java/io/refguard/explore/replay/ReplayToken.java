package io.refguard.explore.replay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A copy-pasteable token that reproduces one schedule of one scenario: {@code rg1-<base64url>}.
 *
 * <h2>Format, version 1</h2>
 *
 * The base64url text (no padding) encodes: one byte, the format version (1); four bytes, the
 * scenario's {@linkplain #fingerprint fingerprint}; the schedule as run-length blocks (an unsigned
 * varint block count, then for each block a varint thread id and a varint length); and four bytes
 * of CRC-32 over everything before them. Schedules switch threads rarely, so a run of hundreds of
 * steps usually fits in a few dozen characters.
 */
public final class ReplayToken {

    /** The prefix of every token of this version. */
    public static final String PREFIX = "rg1-";

    private static final int VERSION = 1;

    private final int fingerprint;
    private final int[] schedule;

    private ReplayToken(int fingerprint, int[] schedule) {
        this.fingerprint = fingerprint;
        this.schedule = schedule;
    }

    /**
     * A token for {@code schedule} (the thread chosen at each step) of the scenario with {@code
     * fingerprint}.
     */
    public static ReplayToken of(int fingerprint, int[] schedule) {
        for (int c : schedule) {
            if (c < 0) {
                throw new IllegalArgumentException("thread ids are never negative, got " + c);
            }
        }
        return new ReplayToken(fingerprint, schedule.clone());
    }

    /**
     * The fingerprint of a scenario: FNV-1a over its name and its actors' names in order. It
     * identifies which scenario a token belongs to; it cannot see code changes.
     */
    public static int fingerprint(String scenario, List<String> actors) {
        int h = 0x811C9DC5;
        h = fnv(h, scenario);
        for (String a : actors) {
            h = fnv(h ^ 0x1F, a);
        }
        return h;
    }

    private static int fnv(int h, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        return h;
    }

    /** The scenario fingerprint the token was made for. */
    public int fingerprint() {
        return fingerprint;
    }

    /** The schedule: the thread chosen at each step. */
    public int[] schedule() {
        return schedule.clone();
    }

    /** The token text. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        writeInt(out, fingerprint);
        int blocks = 0;
        for (int i = 0; i < schedule.length; i++) {
            if (i == 0 || schedule[i] != schedule[i - 1]) {
                blocks++;
            }
        }
        writeVarint(out, blocks);
        int i = 0;
        while (i < schedule.length) {
            int j = i;
            while (j < schedule.length && schedule[j] == schedule[i]) {
                j++;
            }
            writeVarint(out, schedule[i]);
            writeVarint(out, j - i);
            i = j;
        }
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        writeInt(out, (int) crc.getValue());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * The most steps a token may encode: one million. Decoding stops at the first block past it, so
     * a short token cannot make the decoder allocate a huge schedule.
     */
    public static final int MAX_STEPS = 1_000_000;

    /** Thread ids in a schedule are below this: the runtime's thread limit. */
    private static final int MAX_THREAD_ID = io.refguard.explore.runtime.ChoicePoint.MAX_THREADS;

    /**
     * Reads a token.
     *
     * @throws ReplayTokenException when the text is not a token, is damaged, or is of another
     *     version
     */
    public static ReplayToken decode(String token) {
        if (token == null) {
            throw new ReplayTokenException(
                    "no replay token given: pass the rg1-... text printed"
                            + " under the failure report");
        }
        String t = token.strip();
        if (!t.startsWith(PREFIX)) {
            if (t.matches("rg\\d+-.*")) {
                throw new ReplayTokenException(
                        "replay token '"
                                + abbreviate(t)
                                + "' has format "
                                + t.substring(0, t.indexOf('-'))
                                + ", but this explorer reads rg1: replay it"
                                + " with the refguard version that printed it");
            }
            throw new ReplayTokenException(
                    "'"
                            + abbreviate(t)
                            + "' is not a refguard replay token:"
                            + " tokens start with "
                            + PREFIX
                            + "; copy the whole Replay: line of the report");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(t.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw damaged(t, "it contains characters other than A-Z, a-z, 0-9, '-' and '_'");
        }
        if (bytes.length < 1 + 4 + 1 + 4) {
            throw damaged(t, "it is too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int[] pos = {bytes.length - 4};
        if (readInt(bytes, pos) != (int) crc.getValue()) {
            throw damaged(t, "its checksum does not match");
        }
        pos[0] = 0;
        int end = bytes.length - 4;
        if (bytes[pos[0]++] != VERSION) {
            throw damaged(t, "its version byte is wrong");
        }
        int fingerprint = readInt(bytes, pos);
        int blocks = readVarint(bytes, pos, end, t);
        int[] schedule = new int[0];
        int n = 0;
        for (int b = 0; b < blocks; b++) {
            int thread = readVarint(bytes, pos, end, t);
            int len = readVarint(bytes, pos, end, t);
            if (len <= 0 || len > MAX_STEPS - n) {
                throw damaged(
                        t,
                        len <= 0
                                ? "a block length is out of range"
                                : "it encodes more than " + MAX_STEPS + " steps");
            }
            if (thread >= MAX_THREAD_ID) {
                throw damaged(
                        t,
                        "it names thread "
                                + thread
                                + ", but a run has at most "
                                + MAX_THREAD_ID
                                + " threads");
            }
            if (schedule.length < n + len) {
                schedule = Arrays.copyOf(schedule, Math.max(n + len, schedule.length * 2));
            }
            Arrays.fill(schedule, n, n + len, thread);
            n += len;
        }
        if (pos[0] != end) {
            throw damaged(t, "it has trailing bytes");
        }
        return new ReplayToken(fingerprint, Arrays.copyOf(schedule, n));
    }

    /**
     * Checks that this token belongs to the scenario with {@code expected} fingerprint.
     *
     * @throws ReplayTokenException naming both fingerprints, when it does not
     */
    public void requireScenario(int expected, String scenario) {
        if (fingerprint != expected) {
            throw new ReplayTokenException(
                    String.format(
                            "this replay token was made for another"
                                    + " scenario (fingerprint %08x) than \"%s\" (fingerprint %08x): replay it with the"
                                    + " scenario named in the report that printed it, with the same actor names",
                            fingerprint, scenario, expected));
        }
    }

    @Override
    public String toString() {
        return encode();
    }

    private static ReplayTokenException damaged(String t, String why) {
        return new ReplayTokenException(
                "replay token '"
                        + abbreviate(t)
                        + "' is damaged ("
                        + why
                        + "): copy it again, in full, from the failure report");
    }

    private static String abbreviate(String t) {
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static int readInt(byte[] b, int[] pos) {
        int p = pos[0];
        pos[0] = p + 4;
        return (b[p] & 0xFF) << 24
                | (b[p + 1] & 0xFF) << 16
                | (b[p + 2] & 0xFF) << 8
                | (b[p + 3] & 0xFF);
    }

    private static void writeVarint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readVarint(byte[] b, int[] pos, int end, String t) {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= end) {
                throw damaged(t, "it ends in the middle of a number");
            }
            int x = b[pos[0]++];
            result |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                if (result < 0) {
                    throw damaged(t, "a number is out of range");
                }
                return result;
            }
        }
        throw damaged(t, "a number is too long");
    }
}
