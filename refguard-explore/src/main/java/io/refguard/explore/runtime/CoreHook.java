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
    public boolean internalPoints() {
        Actor me = ModelCalls.managedActor();
        return me != null && me.exec.internalPoints;
    }

    @Override
    public void beforeAccess(Object target, Access access, String label) {
        Actor me = ModelCalls.managedActor();
        if (me != null) {
            me.exec.point(me, target, access, label);
            Tracer tracer = me.exec.run.tracer;
            if (tracer != null) {
                String call = call(label, me.exec.run.namer().name(target));
                if (call != null) {
                    tracer.call(me.id, call);
                }
            }
        }
    }

    /**
     * A use of an object or reference: a read point, unless the calling thread's last point was the
     * same use of the same object, so a loop of element reads on one buffer is one step and not a
     * spin.
     */
    @Override
    public void beforeUse(Object target, String label) {
        Actor me = ModelCalls.managedActor();
        if (me != null && (me.pendingTarget != target || !label.equals(me.pendingLabel))) {
            beforeAccess(target, Access.READ, label);
        }
    }

    /**
     * How the report shows core's operation {@code label} on the object named {@code name}: as the
     * call of the public method the program made ({@code Buf#1.acquire()}, {@code
     * Ref(Buf#1).close()} for the close of a reference to it, {@code HotSwap#1.swap()}), or null
     * for a step inside such a call that no method of the program names (the count drop of a
     * release, the read of a hot-swap manager's current snapshot), which keeps its label; so does
     * an object whose name is a description rather than a name ({@code tables.list [t1, t2]}, with
     * a space). Only the traced re-run asks.
     */
    static String call(String label, String name) {
        if (name == null || name.indexOf(' ') >= 0) {
            return null;
        }
        return switch (label) {
            case "acquire", "tryAcquire", "refCount", "isAlive", "isOpen" ->
                    name + "." + label + "()";
            case "close" -> "Ref(" + name + ").close()";
            case "get" -> "Ref(" + name + ").get()";
            case "ensureAccessible" -> name + ".ensureAccessible()";
            case "hotswap-swap" -> name + ".swap()";
            case "hotswap-close" -> name + ".close()";
            default -> null;
        };
    }
}
