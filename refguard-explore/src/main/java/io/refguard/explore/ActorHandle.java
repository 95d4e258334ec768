package io.refguard.explore;

/**
 * A thread started through {@link Coordinator#spawn(String, Runnable)}: pass it to {@link
 * Coordinator#join(ActorHandle)} to wait for it. Under exploration it names a managed actor of the
 * current run; outside, it wraps a plain {@link Thread}.
 */
public interface ActorHandle {

    /** The name given at spawn; it heads the thread's column in reports. */
    String name();
}
