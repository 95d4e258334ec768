package io.refguard.explore;

/**
 * Implemented by objects that want a stable, readable name in interleaving reports (the modeled
 * shared types do). Other objects are named by their simple class name and an ordinal in order of
 * first appearance in the run, such as {@code Object#2}, so that reports are deterministic.
 */
public interface Named {

    /** The name shown in reports; constant for the object's lifetime. */
    String reportName();
}
