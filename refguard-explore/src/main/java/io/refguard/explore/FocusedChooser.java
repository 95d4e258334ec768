package io.refguard.explore;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.hook.Access;

/**
 * Hides threads from a chooser: while any of the focused threads may run, the others look disabled,
 * so a search over the focused threads (those that took part in a failure) is not lost in the
 * orders of bystanders, which run only when no focused thread can, one at a time in a fixed order.
 */
final class FocusedChooser implements Chooser, ChoicePoint {

    private final Chooser inner;
    private final boolean[] focus;
    private ChoicePoint p;

    /** Whether a focused thread may run at this decision; else only {@link #single} is shown. */
    private boolean focusedEnabled;

    private int single;

    FocusedChooser(Chooser inner, boolean[] focus) {
        this.inner = inner;
        this.focus = focus;
    }

    @Override
    public int choose(ChoicePoint point) {
        p = point;
        focusedEnabled = false;
        for (int i = p.nextEnabled(0); i >= 0; i = p.nextEnabled(i + 1)) {
            if (focused(i)) {
                focusedEnabled = true;
                break;
            }
        }
        int c = p.current();
        single = c >= 0 && p.isEnabled(c) ? c : p.nextEnabled(0);
        try {
            return inner.choose(this);
        } finally {
            p = null;
        }
    }

    private boolean focused(int id) {
        return id < focus.length && focus[id];
    }

    /**
     * The focused threads that may run; when none may, one bystander only (the current thread if it
     * may go on), so that the search has no choice to make among bystanders.
     */
    @Override
    public boolean isEnabled(int id) {
        if (!p.isEnabled(id)) {
            return false;
        }
        return focusedEnabled ? focused(id) : id == single;
    }

    @Override
    public int nextEnabled(int from) {
        for (int i = p.nextEnabled(from); i >= 0; i = p.nextEnabled(i + 1)) {
            if (isEnabled(i)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int enabledCount() {
        int n = 0;
        for (int i = nextEnabled(0); i >= 0; i = nextEnabled(i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public boolean currentEnabled() {
        int c = p.current();
        return c >= 0 && p.currentEnabled() && isEnabled(c);
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
