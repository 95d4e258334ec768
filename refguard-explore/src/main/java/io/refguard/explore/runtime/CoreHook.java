package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import io.refguard.hook.SchedulingHook;

/**
 * The scheduling hook installed into refguard-core for one exploration: every core operation on
 * a managed thread becomes a scheduling point (refguard's internal steps only when asked for);
 * on any other thread it returns at once without allocating. One instance per engine, so a second concurrent exploration is refused by
 * {@link io.refguard.hook.Hooks#installScheduling}.
 */
final class CoreHook implements SchedulingHook {

    /** Whether refguard's internal steps are scheduling points too (exploring refguard itself). */
    private final boolean internalPoints;

    CoreHook(boolean internalPoints) {
        this.internalPoints = internalPoints;
    }

    @Override
    public void beforeInternalAccess(Object target, Access access, String label) {
        if (internalPoints) {
            beforeAccess(target, access, label);
        }
    }

    @Override
    public void beforeAccess(Object target, Access access, String label) {
        Actor me = Coordinator.managedActor();
        if (me != null) {
            me.exec.point(me, target, access, label);
        }
    }
}
