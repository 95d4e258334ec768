/**
 * The scheduler runtime: managed threads that run one at a time and pass a baton at scheduling
 * points, the one model of locks, monitors, wait sets, thread start/join and thread status
 * (interrupts, park permits), "block until" and timed waits on a virtual clock, and {@link
 * io.refguard.explore.runtime.Coordinator}, the one facade through which explicit scenarios, the
 * modeled types and instrumented code reach it. Imports nothing of the user API; strategies reach
 * it through {@link io.refguard.explore.runtime.Chooser}.
 */
package io.refguard.explore.runtime;
