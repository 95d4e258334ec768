package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.hook.Access;

/**
 * When two steps commute, as the reductions record them: a step is kept as its target and access,
 * with {@link #START} as the target of a thread's first step. The one rule of dependence, used by
 * the partial-order reductions and by the coverage an exploration reports (the orders of dependent
 * steps it saw).
 */
public final class Dependence {

    /**
     * The recorded target of a thread's start: it runs only the thread's own code up to its first
     * scheduling point, so it commutes with every step (else every start would race with every
     * step, and two threads of independent reads would need more than one trace).
     */
    static final Object START =
            new Object() {
                @Override
                public String toString() {
                    return "start";
                }
            };

    private Dependence() {}

    /** The target to record for thread {@code id}'s pending step. */
    public static Object target(ChoicePoint p, int id) {
        return p.pendingStart(id) ? START : p.pendingTarget(id);
    }

    /**
     * Same target and not both reads; a start commutes with everything; another unknown (null)
     * target is dependent on everything.
     */
    public static boolean dependent(Object ta, Access aa, Object tb, Access ab) {
        if (ta == START || tb == START) {
            return false;
        }
        if (ta == null || tb == null) {
            return true;
        }
        return ta == tb && !(aa == Access.READ && ab == Access.READ);
    }
}
