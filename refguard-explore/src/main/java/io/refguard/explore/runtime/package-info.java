/**
 * The scheduler runtime: managed threads that run one at a time and pass a baton at scheduling
 * points, the one model of locks, monitors, wait sets, thread start/join and thread status
 * (interrupts, park permits), "block until" and timed waits on a virtual clock. Explicit scenarios,
 * the modeled types and instrumented code reach it through the public facade {@link
 * io.refguard.explore.Coordinator}, which {@link io.refguard.explore.runtime.ModelCalls}
 * implements; strategies reach it through {@link io.refguard.explore.runtime.Chooser}. Of the user
 * API it uses only the vocabulary types {@code Named} and {@code ActorHandle}. Internal: the module
 * does not export this package.
 */
package io.refguard.explore.runtime;
