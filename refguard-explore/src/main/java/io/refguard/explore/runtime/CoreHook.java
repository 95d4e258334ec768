package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import io.refguard.hook.SchedulingHook;

/**
 * The scheduling hook installed into refguard-core for one exploration: every core operation on
 * a managed thread becomes a scheduling point; on any other thread it returns at once without
 * allocating. One instance per engine, so a second concurrent exploration is refused by
 * {@link io.refguard.hook.Hooks#installScheduling}.
 */
final class CoreHook implements SchedulingHook {

    @Override
    public void beforeAccess(Object target, Access access, String label) {
        Actor me = Coordinator.managedActor();
        if (me != null) {
            me.exec.point(me, target, access, label);
        }
    }
}
