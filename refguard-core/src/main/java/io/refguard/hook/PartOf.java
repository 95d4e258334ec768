package io.refguard.hook;

/**
 * State that belongs to another object, such as the checker's record of one reference to a
 * reference-counted object. A {@link SchedulingHook} receives such parts as targets; reports should
 * name the whole ({@code close Buffer#1}), not the part's own type.
 */
public interface PartOf {

    /** The object this is part of, or {@code null} when it is gone (it is never kept alive). */
    Object whole();
}
