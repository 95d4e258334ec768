package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.refguard.agent.bridge.AccessKind;
import org.junit.jupiter.api.Test;

/**
 * Which {@code Unsafe} calls are access points: the synchronizing accesses at an offset in a base
 * object, of both {@code sun.misc.Unsafe} and {@code jdk.internal.misc.Unsafe}; not the plain gets
 * and puts, not the address-only forms, not the rest of the API.
 */
class UnsafeRulesTest {

    private static final String SUN = "sun/misc/Unsafe";
    private static final String JDK = "jdk/internal/misc/Unsafe";

    private static AccessKind kind(String owner, String name, String desc) {
        AtomicRules.Access a = AtomicRules.classify(owner, name, desc, false);
        if (a == null) {
            return null;
        }
        assertEquals(AtomicRules.Target.UNSAFE_BASE, a.target(), name);
        return a.kind();
    }

    @Test
    void synchronizingAccessesAtAnOffsetAreClassified() {
        assertEquals(AccessKind.READ, kind(SUN, "getIntVolatile", "(Ljava/lang/Object;J)I"));
        assertEquals(
                AccessKind.READ,
                kind(SUN, "getObjectVolatile", "(Ljava/lang/Object;J)Ljava/lang/Object;"));
        assertEquals(AccessKind.WRITE, kind(SUN, "putLongVolatile", "(Ljava/lang/Object;JJ)V"));
        assertEquals(AccessKind.WRITE, kind(SUN, "putOrderedInt", "(Ljava/lang/Object;JI)V"));
        assertEquals(AccessKind.UPDATE, kind(SUN, "compareAndSwapInt", "(Ljava/lang/Object;JII)Z"));
        assertEquals(AccessKind.UPDATE, kind(SUN, "getAndAddLong", "(Ljava/lang/Object;JJ)J"));
        assertEquals(
                AccessKind.UPDATE,
                kind(
                        SUN,
                        "getAndSetObject",
                        "(Ljava/lang/Object;JLjava/lang/Object;)Ljava/lang/Object;"));
        assertEquals(AccessKind.READ, kind(JDK, "getIntAcquire", "(Ljava/lang/Object;J)I"));
        assertEquals(AccessKind.READ, kind(JDK, "getLongOpaque", "(Ljava/lang/Object;J)J"));
        assertEquals(
                AccessKind.WRITE,
                kind(JDK, "putReferenceRelease", "(Ljava/lang/Object;JLjava/lang/Object;)V"));
        assertEquals(AccessKind.WRITE, kind(JDK, "putIntOpaque", "(Ljava/lang/Object;JI)V"));
        assertEquals(
                AccessKind.UPDATE, kind(JDK, "compareAndExchangeLong", "(Ljava/lang/Object;JJJ)J"));
        assertEquals(
                AccessKind.UPDATE,
                kind(JDK, "weakCompareAndSetIntPlain", "(Ljava/lang/Object;JII)Z"));
        assertEquals(
                AccessKind.UPDATE,
                kind(JDK, "getAndBitwiseOrIntRelease", "(Ljava/lang/Object;JI)I"));
    }

    @Test
    void plainAddressOnlyAndOtherCallsAreLeftAlone() {
        assertNull(kind(SUN, "getInt", "(Ljava/lang/Object;J)I"));
        assertNull(kind(SUN, "putByte", "(Ljava/lang/Object;JB)V"));
        assertNull(kind(SUN, "getInt", "(J)I"));
        assertNull(kind(SUN, "putLong", "(JJ)V"));
        assertNull(kind(JDK, "getIntVolatile", "(J)I"));
        assertNull(kind(SUN, "objectFieldOffset", "(Ljava/lang/reflect/Field;)J"));
        assertNull(kind(SUN, "copyMemory", "(Ljava/lang/Object;JLjava/lang/Object;JJ)V"));
        assertNull(kind(SUN, "setMemory", "(Ljava/lang/Object;JJB)V"));
        assertNull(kind(JDK, "getIntUnaligned", "(Ljava/lang/Object;JZ)I"));
    }
}
