/**
 * Sample test classes that the extension's own tests run through JUnit's EngineTestKit, checking
 * their outcomes. Many fail on purpose; surefire does not pick them up by name, and they are not
 * meant to be run directly. They live outside {@code io.refguard}, as user code does: the
 * explorer's reports show source lines for user code only.
 */
package example;
