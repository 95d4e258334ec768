package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import io.refguard.hook.LibraryPackages;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** This module declares its own packages as refguard's machinery; the core names none of them. */
class JunitPackagesTest {

    @Test
    void theModuleRegistersItsPackagesAsAService() {
        assertTrue(
                ServiceLoader.load(LibraryPackages.class).stream()
                        .anyMatch(p -> p.type() == JunitPackages.class),
                "META-INF/services registers JunitPackages");
    }

    @Test
    void itsFramesAreMachinery() {
        assertTrue(
                LibraryCode.contains("io.refguard.junit.LeakCheckExtension"),
                "io.refguard.junit.LeakCheckExtension");
    }
}
