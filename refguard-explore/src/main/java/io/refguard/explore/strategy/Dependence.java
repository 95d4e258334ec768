package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Locations;
import io.refguard.hook.Access;

/**
 * When two steps commute, as the reductions record them: a step is kept as its target and access,
 * with {@link #START} as the target of a thread's first step. The rule of dependence of the
 * partial-order reductions and of the coverage an exploration reports (the orders of dependent
 * steps it saw): the runtime's rule ({@link Locations}), with a thread's start commuting with
 * everything.
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
     * A start commutes with everything; otherwise the rule of {@link Locations#dependent}: targets
     * that overlap and not both reads, an unknown (null) target dependent on everything.
     */
    public static boolean dependent(Object ta, Access aa, Object tb, Access ab) {
        if (ta == START || tb == START) {
            return false;
        }
        return Locations.dependent(ta, aa, tb, ab);
    }

    /**
     * The rule for a reduction that must keep every state an observer can see (a scenario's
     * invariants, {@link ChoicePoint#observed}): {@link #dependent}, and besides any two steps that
     * both write, whatever they write. Two writes to different objects end in the same state in
     * either order but pass through different ones (one of them first), which an invariant over
     * both can tell apart; a read changes no state, so it commutes as before.
     */
    public static boolean dependentObserved(Object ta, Access aa, Object tb, Access ab) {
        if (ta == START || tb == START) {
            return false;
        }
        return aa != Access.READ && ab != Access.READ || Locations.dependent(ta, aa, tb, ab);
    }
}
