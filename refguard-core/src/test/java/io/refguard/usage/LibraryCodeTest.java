package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import org.junit.jupiter.api.Test;

/** Which frames count as refguard's machinery when a site is named. */
class LibraryCodeTest {

    @Test
    void refguardsMainPackagesAreMachinery() {
        assertTrue(LibraryCode.contains("io.refguard.RefCounted"));
        assertTrue(LibraryCode.contains("io.refguard.RefCounted$1"));
        assertTrue(LibraryCode.contains("io.refguard.swap.HotSwap"));
        assertTrue(
                LibraryCode.contains(
                        "io.refguard.explore.runtime.RunEngine$$Lambda$69/0x00007fb2300a91a8"));
        assertTrue(LibraryCode.contains("io.refguard.junit.LeakCheckExtension"));
        assertTrue(LibraryCode.contains("io.refguard.netty.RefGuardLeakDetector"));
        assertTrue(LibraryCode.contains("io.refguard.agent.bridge.SyncBridge"));
    }

    @Test
    void casesTestsAndEverythingElseAreUserCode() {
        assertFalse(LibraryCode.contains("io.refguard.cases.reftable.Stack"));
        assertFalse(LibraryCode.contains("io.refguard.usage.LibraryCodeTest"));
        assertFalse(LibraryCode.contains("io.refguard.explore.examples.LostUpdateTest$Counter"));
        assertFalse(LibraryCode.contains("io.refguardx.Lookalike"));
        assertFalse(LibraryCode.contains("com.acme.Pool"));
        assertFalse(LibraryCode.contains("Unnamed"));
    }
}
