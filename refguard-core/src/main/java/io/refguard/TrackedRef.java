package io.refguard;

import io.refguard.hook.Hooks;
import io.refguard.hook.SchedulingHook;
import java.lang.ref.Reference;

/**
 * The handle of one reference to a tracked object: the "level of indirection" that lets the checker
 * tell references apart. One handle per acquire; closing it releases exactly one count.
 *
 * <p>Every method ends with {@link Reference#reachabilityFence} on the handle, so the JIT cannot
 * decide the handle is unreachable while one of its methods is still running, which would let the
 * GC backstop report a reference that is being closed as leaked.
 */
final class TrackedRef<T extends RefCounted<T>> implements Ref<T> {

    private final T object;
    private final RefState state;

    TrackedRef(T object, Tracker tracker, Site site, String event) {
        this.object = object;
        this.state = tracker.newReference(this, site, event);
    }

    @Override
    public T get() {
        checkOpen();
        Reference.reachabilityFence(this);
        return object;
    }

    @Override
    public Ref<T> share() {
        checkOpen();
        Ref<T> r = object.acquireTracked("share");
        Reference.reachabilityFence(this);
        return r;
    }

    @Override
    public Ref<T> touch(Object hint) {
        checkOpen();
        Tracker t = state.tracker;
        if (t.records != null) {
            Site site = Sites.supplied(); // else the stack, recorded in this frame (see Sites)
            t.record("touch", hint, site != null ? site : Sites.walked(new Throwable()));
        }
        Reference.reachabilityFence(this);
        return this;
    }

    @Override
    public void close() {
        Site site = Sites.supplied(); // else the stack, recorded in this frame (see Sites)
        if (site == null) {
            site = state.tracker.walksCloses ? Sites.walked(new Throwable()) : Site.unrecorded();
        }
        if (!state.release(site)) {
            Reference.reachabilityFence(this);
            throw LeakScope.noted(
                    new DoubleReleaseException(Reports.doubleRelease(state, site)), state.scope);
        }
        Reference.reachabilityFence(this);
        object.releaseCount(site);
    }

    @Override
    public boolean isOpen() {
        boolean open = state.releasedAt() == null;
        Reference.reachabilityFence(this);
        return open;
    }

    private void checkOpen() {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeUse(state, "get"); // a close by another thread races with this use
        }
        if (state.releasedAt() != null) {
            throw LeakScope.noted(
                    new UseAfterReleaseException(Reports.useAfterRelease(state, Sites.capture())),
                    state.scope);
        }
    }

    @Override
    public String toString() {
        return "Ref(" + state.tracker.object() + (isOpen() ? ", open)" : ", closed)");
    }
}
