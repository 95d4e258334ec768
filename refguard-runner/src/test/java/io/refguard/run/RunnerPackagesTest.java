package io.refguard.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import io.refguard.hook.LibraryPackages;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** This module declares its own packages as refguard's machinery; the core names none of them. */
class RunnerPackagesTest {

    @Test
    void theModuleRegistersItsPackagesAsAService() {
        assertTrue(
                ServiceLoader.load(LibraryPackages.class).stream()
                        .anyMatch(p -> p.type() == RunnerPackages.class),
                "META-INF/services registers RunnerPackages");
    }

    @Test
    void itsFramesAreMachinery() {
        assertTrue(LibraryCode.contains("io.refguard.run.Target"), "io.refguard.run.Target");
    }
}
