/**
 * JUnit Jupiter support for refguard.
 *
 * <ul>
 *   <li>{@link io.refguard.junit.RefGuardLeakCheck} (or {@link
 *       io.refguard.junit.LeakCheckExtension} registered by auto-detection): every test runs in its
 *       own leak scope and fails, naming the acquire sites, when it leaves references open. Safe
 *       with parallel execution.
 *   <li>{@link io.refguard.junit.ExploreTest}: a test that explores a scenario under the
 *       interleaving explorer and fails with its report and replay token; replays a token given by
 *       {@code -Drefguard.replay}.
 * </ul>
 *
 * <p>Works with JUnit Jupiter 5.10 and later, and JUnit 6.
 */
package io.refguard.junit;
