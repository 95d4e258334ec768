package io.refguard.explore;

import io.refguard.explore.sync.SharedInt;

/**
 * Declares an actor as refguard's own code does (this class is in one of refguard's packages), as
 * the agent declares the actor that runs a program's {@code main}.
 */
public final class RefguardDeclared {

    private RefguardDeclared() {}

    /** Adds an actor that increments the shared int, through a method reference. */
    public static void incrementer(Scenario<SharedInt> s, String name) {
        s.actor(name, SharedInt::incrementAndGet);
    }
}
