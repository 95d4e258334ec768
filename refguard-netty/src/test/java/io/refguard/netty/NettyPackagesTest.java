package io.refguard.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import io.refguard.hook.LibraryPackages;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** This module declares its own packages as refguard's machinery; the core names none of them. */
class NettyPackagesTest {

    @Test
    void theModuleRegistersItsPackagesAsAService() {
        assertTrue(
                ServiceLoader.load(LibraryPackages.class).stream()
                        .anyMatch(p -> p.type() == NettyPackages.class),
                "META-INF/services registers NettyPackages");
    }

    @Test
    void itsFramesAreMachinery() {
        assertTrue(
                LibraryCode.contains("io.refguard.netty.RefGuardLeakDetector"),
                "io.refguard.netty.RefGuardLeakDetector");
    }
}
