package io.refguard.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Identity hashes written into headers are the ones the JVM answers from then on, and a header that
 * already holds a hash, or a lock, is left alone. The tests run with {@code jdk.internal.misc}
 * exported to refguard, as the agent and the command line's jar arrange.
 */
class HeaderHashesTest {

    @Test
    void aHashWrittenIntoAFreshObjectIsTheJvmsIdentityHash() {
        assertTrue(HeaderHashes.on(), "this JVM's headers are written");
        Object o = new Object();
        assertEquals(0, HeaderHashes.peek(o));
        assertTrue(HeaderHashes.install(o, 0x1234567));
        assertEquals(0x1234567, System.identityHashCode(o));
        assertEquals(0x1234567, o.hashCode());
        assertEquals(0x1234567, HeaderHashes.peek(o));
        Thread t = new Thread(() -> {});
        assertTrue(HeaderHashes.install(t, 77));
        assertEquals(77, t.hashCode());
    }

    @Test
    void aHashTheJvmChoseStays() {
        Object o = new Object();
        int jvm = System.identityHashCode(o);
        assertEquals(jvm, HeaderHashes.peek(o));
        assertFalse(HeaderHashes.install(o, jvm == 5 ? 6 : 5));
        assertEquals(jvm, System.identityHashCode(o));
    }

    @Test
    void aLockedHeaderIsNotWritten() {
        Object o = new Object();
        synchronized (o) {
            assertFalse(HeaderHashes.install(o, 99));
            assertEquals(0, HeaderHashes.peek(o));
        }
        assertTrue(HeaderHashes.install(o, 99));
        assertEquals(99, System.identityHashCode(o));
    }

    @Test
    void hashesSurviveACollectionThatMovesTheirObjects() {
        Object[] objects = new Object[10_000];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = new Object();
            assertTrue(HeaderHashes.install(objects[i], i + 1));
        }
        System.gc();
        for (int i = 0; i < objects.length; i++) {
            assertEquals(i + 1, System.identityHashCode(objects[i]));
        }
    }
}
