/**
 * The narrow interface between refguard-core and an interleaving explorer: core reports its
 * shared-memory operations through {@link io.refguard.hook.SchedulingHook}, and offers per-run leak
 * scopes through {@link io.refguard.hook.Hooks#openRunScope()}. Nothing else of the core is visible
 * to the explorer's runtime.
 */
package io.refguard.hook;
