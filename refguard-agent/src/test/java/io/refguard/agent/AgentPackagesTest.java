package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import io.refguard.hook.LibraryPackages;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** This module declares its own packages as refguard's machinery; the core names none of them. */
class AgentPackagesTest {

    @Test
    void theModuleRegistersItsPackagesAsAService() {
        assertTrue(
                ServiceLoader.load(LibraryPackages.class).stream()
                        .anyMatch(p -> p.type() == AgentPackages.class),
                "META-INF/services registers AgentPackages");
    }

    @Test
    void itsFramesAreMachinery() {
        assertTrue(
                LibraryCode.contains("io.refguard.agent.bridge.SyncBridge"),
                "io.refguard.agent.bridge.SyncBridge");
        assertTrue(
                LibraryCode.contains("io.refguard.agent.explore.AgentExplorer"),
                "io.refguard.agent.explore.AgentExplorer");
        assertTrue(
                LibraryCode.contains("io.refguard.agent.RefguardAgent"),
                "io.refguard.agent.RefguardAgent");
    }
}
