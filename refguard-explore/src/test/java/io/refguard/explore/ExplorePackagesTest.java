package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import io.refguard.hook.LibraryPackages;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** This module declares its own packages as refguard's machinery; the core names none of them. */
class ExplorePackagesTest {

    @Test
    void theModuleRegistersItsPackagesAsAService() {
        assertTrue(
                ServiceLoader.load(LibraryPackages.class).stream()
                        .anyMatch(p -> p.type() == ExplorePackages.class),
                "META-INF/services registers ExplorePackages");
    }

    @Test
    void itsFramesAreMachinery() {
        assertTrue(
                LibraryCode.contains(
                        "io.refguard.explore.runtime.RunEngine$$Lambda$69/0x00007fb2300a91a8"),
                "io.refguard.explore.runtime.RunEngine$$Lambda$69/0x00007fb2300a91a8");
        assertTrue(
                LibraryCode.contains("io.refguard.explore.Explorer"),
                "io.refguard.explore.Explorer");
        assertTrue(
                LibraryCode.contains("io.refguard.explore.strategy.DporStrategy"),
                "io.refguard.explore.strategy.DporStrategy");
    }
}
