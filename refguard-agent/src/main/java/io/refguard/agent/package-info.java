/**
 * The refguard Java agent: instruments the synchronization operations of unmodified classes so they
 * call {@link io.refguard.agent.bridge the bridge}. Entry points are {@link
 * io.refguard.agent.RefguardAgent} ({@code -javaagent}) and {@link
 * io.refguard.agent.InstrumentingClassLoader}; {@link io.refguard.agent.AgentOptions} says what is
 * instrumented. Everything else in this package is implementation.
 */
package io.refguard.agent;
