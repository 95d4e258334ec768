package io.refguard.agent.explore;

/**
 * Exceptions of tasks submitted to an executor that the explored program never read from their
 * futures. The JDK keeps such an exception in the future, so nothing reports it: a failing check
 * inside a submitted task goes unnoticed unless someone calls {@code get}.
 *
 * @param runs how many runs had at least one such exception
 * @param first the first one, as {@code java.lang.AssertionError: text at File.java:12}; null when
 *     {@code runs} is 0
 */
public record LostTaskFailures(long runs, String first) {}
