package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.SchedulingHook;

/**
 * The one scheduling hook the explorer installs into refguard-core, shared by every exploration
 * running in the JVM: it routes each core operation to the exploration of the calling thread (a
 * managed {@link Worker} knows its execution), so explorations side by side never see one another's
 * steps. On any other thread it returns at once without allocating. Installed while at least one
 * {@link RunEngine} is open, counted under a lock taken once per engine.
 */
final class CoreHook implements SchedulingHook {

    private static final CoreHook INSTANCE = new CoreHook();
    private static int openEngines;

    private CoreHook() {}

    /** Called when an engine opens: installs the hook for the first one. */
    static synchronized void engineOpened() {
        if (openEngines == 0) {
            Hooks.installScheduling(INSTANCE);
        }
        openEngines++;
    }

    /** Called when an engine closes: uninstalls the hook after the last one. */
    static synchronized void engineClosed() {
        if (--openEngines == 0) {
            Hooks.uninstallScheduling(INSTANCE);
        }
    }

    @Override
    public void beforeInternalAccess(Object target, Access access, String label) {
        Actor me = ModelCalls.managedActor();
        if (me != null && me.exec.internalPoints) {
            me.exec.point(me, target, access, label);
        }
    }

    @Override
    public void beforeAccess(Object target, Access access, String label) {
        Actor me = ModelCalls.managedActor();
        if (me != null) {
            me.exec.point(me, target, access, label);
        }
    }
}
