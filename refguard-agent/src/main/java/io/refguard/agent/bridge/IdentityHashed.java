package io.refguard.agent.bridge;

/**
 * Implemented by instrumented classes that inherit {@code Object.hashCode()}: the agent gives them
 * a {@code hashCode()} that returns {@link #$refguard$identityHash()}, an identity hash chosen once
 * per object, on first use, through {@link SyncBridge#newIdentityHash}. Under exploration it is the
 * same in every run of the same schedule, so hash tables keyed by such objects iterate in the same
 * order; elsewhere it is the JVM's identity hash. Not for application code.
 */
public interface IdentityHashed {

    /** The object's identity hash, fixed on first call. */
    int $refguard$identityHash();
}
