package io.refguard.hook;

import java.util.Objects;

/**
 * One field of an object as the target of an access, so that an explorer can tell accesses of
 * different fields apart: accesses of two different fields of one object commute, and so do an
 * access of a field and an operation on the object itself (its monitor, a lock it is). An access
 * that names no field ({@link #any}, such as a field updater's or a {@code VarHandle}'s, whose
 * field the caller does not know) touches every field of the object. An array's element at an index
 * is the part named {@code [i]} ({@code "[3]"}) and all its elements the part {@code []}: an
 * element overlaps itself and all elements, not another index.
 *
 * <p>A {@link SchedulingHook} or {@code Coordinator.point} receives these as targets: the rule of
 * dependence compares them with {@link #overlaps} (the same whole, by identity, and the same name);
 * callers keep one part per object and field, so that the common case is one identity check.
 * Reports name the whole. Immutable.
 */
public final class FieldOf implements PartOf {

    private final Object whole;
    private final String name;

    private FieldOf(Object whole, String name) {
        this.whole = Objects.requireNonNull(whole, "whole");
        this.name = name;
    }

    /** The field {@code name} (such as {@code "state"}) of {@code whole}. */
    public static FieldOf of(Object whole, String name) {
        return new FieldOf(whole, Objects.requireNonNull(name, "name"));
    }

    /** Every field of {@code whole}: an access whose field is not known. */
    public static FieldOf any(Object whole) {
        return new FieldOf(whole, null);
    }

    @Override
    public Object whole() {
        return whole;
    }

    /** The field's name, or null for {@link #any}. */
    public String name() {
        return name;
    }

    /**
     * Whether accesses of {@code a} and {@code b} may touch the same memory: the same part, or
     * parts of one whole of which one is {@link #any} or both name the same field, or one is all
     * elements ({@code []}) and the other an element ({@code [i]}).
     */
    public static boolean overlaps(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof FieldOf fa && b instanceof FieldOf fb) {
            return fa.whole == fb.whole
                    && (fa.name == null
                            || fb.name == null
                            || fa.name.equals(fb.name)
                            || elementOf(fa.name, fb.name)
                            || elementOf(fb.name, fa.name));
        }
        return false;
    }

    /** Whether {@code all} names all elements and {@code one} an element. */
    private static boolean elementOf(String all, String one) {
        return all.equals("[]") && one.length() > 2 && one.charAt(0) == '[';
    }

    @Override
    public String toString() {
        return name == null ? "fields of " + whole : name;
    }
}
