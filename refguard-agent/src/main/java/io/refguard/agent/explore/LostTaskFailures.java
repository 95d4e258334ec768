package io.refguard.agent.explore;

/**
 * Exceptions of tasks submitted to an executor that the explored program never read from their
 * futures. The JDK keeps such an exception in the future, so nothing reports it: a failing check
 * inside a submitted task or a {@code CompletableFuture} stage goes unnoticed unless someone reads
 * the future.
 *
 * @param runs how many runs had at least one such exception
 * @param first the first one, as {@code java.lang.AssertionError: text at File.java:12}; null when
 *     {@code runs} is 0
 */
public record LostTaskFailures(long runs, String first) {

    /**
     * What happened and what to do, for a hint after a search that passed: {@code in 3 runs a
     * submitted task or a CompletableFuture stage threw, ...}.
     */
    public String describe() {
        return "in "
                + runs
                + (runs == 1 ? " run" : " runs")
                + " a submitted task or a CompletableFuture stage threw, and nothing read its"
                + " exception (first: "
                + first
                + "); the JDK keeps it in the future, so the program never sees it. Read the"
                + " future (get, join) or handle the exception in a stage (exceptionally,"
                + " whenComplete); a task run with execute() fails the run when it throws";
    }
}
