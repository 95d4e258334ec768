/**
 * The bridge between instrumented code and an interleaving explorer.
 *
 * <p>Code instrumented by the refguard agent calls the static entry points of {@link
 * io.refguard.agent.bridge.SyncBridge}, {@link io.refguard.agent.bridge.LockBridge} and {@link
 * io.refguard.agent.bridge.ThreadBridge} instead of its synchronization operations, passing a
 * constant {@linkplain io.refguard.agent.bridge.Instructions site id}. With no {@link
 * io.refguard.agent.bridge.SyncInterceptor} installed each entry point performs the original
 * operation; an explorer installs one interceptor to see and control them all.
 */
package io.refguard.agent.bridge;
