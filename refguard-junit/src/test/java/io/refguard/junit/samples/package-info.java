/**
 * Test classes that the extension's own tests run through JUnit's EngineTestKit and whose
 * outcomes they check. Many fail on purpose; surefire does not pick them up by name, and they are
 * not meant to be run directly.
 */
package io.refguard.junit.samples;
