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
    }

    @Test
    void aModuleDeclaringItsPackagesAddsThemAndOnlyThem() {
        // declared by this module's test resources, as each module above the core declares its
        // own
        assertTrue(LibraryCode.contains("io.refguard.usage.registered.Machinery"));
        assertTrue(LibraryCode.contains("io.refguard.usage.registered.Machinery$$Lambda/0x01"));
        assertFalse(LibraryCode.contains("io.refguard.usage.registered.sub.Other"));
    }

    @Test
    void theCoreNamesNoPackageOfTheModulesAboveIt() {
        // none of them is on this module's class path, so none is registered
        assertFalse(LibraryCode.contains("io.refguard.explore.Explorer"));
        assertFalse(LibraryCode.contains("io.refguard.agent.bridge.SyncBridge"));
        assertFalse(LibraryCode.contains("io.refguard.junit.LeakCheckExtension"));
        assertFalse(LibraryCode.contains("io.refguard.cli.Main"));
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
