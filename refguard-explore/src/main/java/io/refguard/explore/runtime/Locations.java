package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import io.refguard.hook.FieldOf;

/**
 * The one rule of when two operations touch the same memory, by their announced targets: used by
 * the partial-order reductions (through {@code strategy.Dependence}), the index of threads by
 * target and fair scheduling's wake-ups.
 *
 * <p>Two operations are dependent when their targets overlap and at least one of them does not only
 * read; an unknown (null) target is dependent on every operation. Targets overlap when they are the
 * same object, or are fields of one object ({@link FieldOf}) that are the same field or of which
 * one is every field. A field and its object itself (its monitor, the lock it is) do not overlap: a
 * {@code synchronized} block and a volatile field of one object are different memory.
 */
public final class Locations {

    private Locations() {}

    /** Whether operations on {@code ta} and {@code tb} with these accesses do not commute. */
    public static boolean dependent(Object ta, Access aa, Object tb, Access ab) {
        if (ta == null || tb == null) {
            return true;
        }
        if (aa == Access.READ && ab == Access.READ) {
            return false;
        }
        return overlap(ta, tb);
    }

    /** Whether targets {@code a} and {@code b}, neither null, may be the same memory. */
    public static boolean overlap(Object a, Object b) {
        return a == b || FieldOf.overlaps(a, b);
    }

    /**
     * The key under which threads at target {@code t} are indexed: a field's object, so that the
     * threads at any field of it are found together (and then told apart by {@link #dependent}).
     */
    static Object indexKey(Object t) {
        return t instanceof FieldOf f ? f.whole() : t;
    }
}
