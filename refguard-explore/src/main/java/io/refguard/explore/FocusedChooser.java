package io.refguard.explore;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.hook.Access;

/**
 * Hides threads from a chooser: while any of the focused threads may run, the others look
 * disabled, so a search over the focused threads (those that took part in a failure) is not
 * lost in the orders of bystanders, which run only when no focused thread can, one at a time
 * in a fixed order.
 */
final class FocusedChooser implements Chooser, ChoicePoint {

    private final Chooser inner;
    private final long focus;
    private ChoicePoint p;

    FocusedChooser(Chooser inner, long focus) {
        this.inner = inner;
        this.focus = focus;
    }

    @Override
    public int choose(ChoicePoint point) {
        p = point;
        try {
            return inner.choose(this);
        } finally {
            p = null;
        }
    }

    /**
     * The focused threads that may run; when none may, one bystander only (the current thread if
     * it may go on), so that the search has no choice to make among bystanders.
     */
    @Override
    public long enabled() {
        long en = p.enabled();
        if ((en & focus) != 0) {
            return en & focus;
        }
        int c = p.current();
        if (c >= 0 && c < 64 && (en & (1L << c)) != 0) {
            return 1L << c;
        }
        return Long.lowestOneBit(en);
    }

    @Override
    public boolean currentEnabled() {
        int c = p.current();
        return c >= 0 && p.currentEnabled() && (enabled() & (1L << c)) != 0;
    }

    @Override
    public int step() {
        return p.step();
    }

    @Override
    public int current() {
        return p.current();
    }

    @Override
    public int threadCount() {
        return p.threadCount();
    }

    @Override
    public Object pendingTarget(int id) {
        return p.pendingTarget(id);
    }

    @Override
    public Access pendingAccess(int id) {
        return p.pendingAccess(id);
    }

    @Override
    public boolean pendingStart(int id) {
        return p.pendingStart(id);
    }

    @Override
    public String threadName(int id) {
        return p.threadName(id);
    }

    @Override
    public String pendingLabel(int id) {
        return p.pendingLabel(id);
    }
}
