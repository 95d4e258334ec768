package io.refguard.explore.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Token encoding, and the messages for tokens that cannot be used. */
class ReplayTokenTest {

    @Test
    void roundTripsSchedulesOfAnyShape() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            int[] s = new int[r.nextInt(400)];
            for (int j = 0; j < s.length; j++) {
                s[j] = r.nextInt(10) < 8 && j > 0 ? s[j - 1] : r.nextInt(r.nextBoolean() ? 3 : 64);
            }
            int fp = r.nextInt();
            ReplayToken back = ReplayToken.decode(ReplayToken.of(fp, s).encode());
            assertArrayEquals(s, back.schedule());
            assertEquals(fp, back.fingerprint());
        }
    }

    @Test
    void runLengthEncodingKeepsTypicalTokensShort() {
        int[] s = new int[300];
        for (int i = 150; i < 300; i++) {
            s[i] = 1;
        }
        String t = ReplayToken.of(1, s).encode();
        assertTrue(t.startsWith("rg1-"));
        assertTrue(t.length() < 30, t);
    }

    @Test
    void fingerprintsDependOnScenarioAndActorNames() {
        int a = ReplayToken.fingerprint("lost update", List.of("T1", "T2"));
        assertEquals(a, ReplayToken.fingerprint("lost update", List.of("T1", "T2")));
        assertNotEquals(a, ReplayToken.fingerprint("lost update", List.of("T2", "T1")));
        assertNotEquals(a, ReplayToken.fingerprint("lost updat", List.of("T1", "T2")));
        assertNotEquals(a, ReplayToken.fingerprint("lost update", List.of("T1T2")));
    }

    @Test
    void textThatIsNotATokenSaysWhatATokenLooksLike() {
        ReplayTokenException e =
                assertThrows(ReplayTokenException.class, () -> ReplayToken.decode("hello"));
        assertEquals(
                "'hello' is not a refguard replay token: tokens start with rg1-; copy the whole"
                        + " Replay: line of the report",
                e.getMessage());
    }

    @Test
    void aNewerFormatAsksForTheRightVersion() {
        ReplayTokenException e =
                assertThrows(ReplayTokenException.class, () -> ReplayToken.decode("rg2-AAAA"));
        assertEquals(
                "replay token 'rg2-AAAA' has format rg2, but this explorer reads rg1: replay it"
                        + " with the refguard version that printed it",
                e.getMessage());
    }

    @Test
    void damagedTokensAreDetectedByTheChecksum() {
        String t = ReplayToken.of(99, new int[] {0, 0, 1, 1, 0}).encode();
        char[] chars = t.toCharArray();
        int i = 6;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        ReplayTokenException e =
                assertThrows(
                        ReplayTokenException.class, () -> ReplayToken.decode(new String(chars)));
        assertTrue(
                e.getMessage()
                        .contains(
                                "is damaged (its checksum does not match): copy it again,"
                                        + " in full, from the failure report"),
                e.getMessage());
    }

    @Test
    void truncatedAndGarbledTokensAreDamaged() {
        String t = ReplayToken.of(99, new int[] {0, 0, 1, 1, 0}).encode();
        assertThrows(
                ReplayTokenException.class,
                () -> ReplayToken.decode(t.substring(0, t.length() - 3)));
        assertThrows(ReplayTokenException.class, () -> ReplayToken.decode("rg1-"));
        ReplayTokenException e =
                assertThrows(ReplayTokenException.class, () -> ReplayToken.decode("rg1-a*b"));
        assertTrue(e.getMessage().contains("characters other than"), e.getMessage());
        assertThrows(ReplayTokenException.class, () -> ReplayToken.decode(null));
    }

    @Test
    void schedulesOfAnyThreadTheRuntimeAllowsRoundTrip() {
        // a failure among 257 threads names thread 249: a token must carry every id below the
        // runtime's limit, and refuse the first id past it
        int[] s = {0, 249, 249, 4095, 1};
        assertArrayEquals(s, ReplayToken.decode(ReplayToken.of(5, s).encode()).schedule());
        ReplayTokenException e =
                assertThrows(
                        ReplayTokenException.class,
                        () -> ReplayToken.decode(ReplayToken.of(5, new int[] {0, 4096}).encode()));
        assertTrue(
                e.getMessage().contains("names thread 4096, but a run has at most 4096 threads"),
                e.getMessage());
    }

    @Test
    void aValidChecksumOverGarbageIsStillRejected() {
        // a well-formed envelope around a varint that never ends
        byte[] body = {1, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF};
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        int c = (int) crc.getValue();
        byte[] all = java.util.Arrays.copyOf(body, body.length + 4);
        all[body.length] = (byte) (c >>> 24);
        all[body.length + 1] = (byte) (c >>> 16);
        all[body.length + 2] = (byte) (c >>> 8);
        all[body.length + 3] = (byte) c;
        String t = "rg1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        ReplayTokenException e =
                assertThrows(ReplayTokenException.class, () -> ReplayToken.decode(t));
        assertTrue(e.getMessage().contains("ends in the middle of a number"), e.getMessage());
    }

    @Test
    void aTokenForAnotherScenarioNamesBothFingerprints() {
        ReplayToken t = ReplayToken.of(0x1234, new int[] {0});
        ReplayTokenException e =
                assertThrows(ReplayTokenException.class, () -> t.requireScenario(0x5678, "other"));
        assertEquals(
                "this replay token was made for another scenario (fingerprint 00001234) than"
                        + " \"other\" (fingerprint 00005678): replay it with the scenario named in the report"
                        + " that printed it, with the same actor names",
                e.getMessage());
    }

    /** A well-formed token (valid checksum) whose blocks are {thread, length} pairs. */
    static String forge(int... blocks) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(1); // version
        out.writeBytes(new byte[] {0, 0, 0, 7}); // fingerprint
        varint(out, blocks.length / 2);
        for (int b : blocks) {
            varint(out, b);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(out.toByteArray());
        int c = (int) crc.getValue();
        out.writeBytes(
                new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return ReplayToken.PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static void varint(java.io.ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    @Test
    void aShortTokenCannotDecodeIntoAHugeSchedule() {
        String huge = forge(0, 50_000_000);
        assertTrue(huge.length() < 30, huge);
        ReplayTokenException e =
                assertThrows(ReplayTokenException.class, () -> ReplayToken.decode(huge));
        assertTrue(e.getMessage().contains("it encodes more than 1000000 steps"), e.getMessage());
        // many blocks that add up past the cap are stopped at the block that crosses it
        e =
                assertThrows(
                        ReplayTokenException.class,
                        () -> ReplayToken.decode(forge(0, 600_000, 1, 600_000)));
        assertTrue(e.getMessage().contains("more than 1000000 steps"), e.getMessage());
        e = assertThrows(ReplayTokenException.class, () -> ReplayToken.decode(forge(4096, 3)));
        assertTrue(e.getMessage().contains("names thread 4096"), e.getMessage());
        assertEquals(
                1_000_000, ReplayToken.decode(forge(0, 500_000, 1, 500_000)).schedule().length);
    }
}
