package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;

/**
 * Runs one given schedule, once. In strict mode (replay tokens, tracing re-runs) the first step at
 * which the scheduled thread cannot run is recorded as a {@link #divergence()}, and the run goes on
 * without preemption. In guided mode (used to simplify a failing schedule) the schedule is a wish
 * list: entries whose thread cannot run are skipped.
 */
final class ReplayStrategy implements Search, Chooser {

    private final int[] schedule;
    private final boolean strict;
    private boolean ran;
    private int pos;
    private String divergence;

    ReplayStrategy(int[] schedule, boolean strict) {
        this.schedule = schedule.clone();
        this.strict = strict;
    }

    @Override
    public boolean hasNextRun() {
        if (ran) {
            return false;
        }
        ran = true;
        pos = 0;
        return true;
    }

    @Override
    public Chooser chooser() {
        return this;
    }

    @Override
    public int choose(ChoicePoint p) {
        if (strict) {
            int s = p.step();
            if (s < schedule.length) {
                int c = schedule[s];
                if (p.isEnabled(c)) {
                    return c;
                }
                if (divergence == null) {
                    divergence =
                            "the schedule asks for thread "
                                    + c
                                    + " at step "
                                    + (s + 1)
                                    + ", but only "
                                    + Masks.names(p, ThreadBits.enabled(p, new long[1]))
                                    + " can run there";
                }
            } else if (divergence == null) {
                divergence =
                        "the schedule has "
                                + schedule.length
                                + " steps, but the run went on past them";
            }
        } else {
            while (pos < schedule.length) {
                int c = schedule[pos++];
                if (p.isEnabled(c)) {
                    return c;
                }
            }
        }
        return goOn(p);
    }

    /**
     * The choice without preemption: the current thread if it may go on, else the lowest thread
     * that may run, another than the current one if that one waits where it may time out early (the
     * timely path, as when the thread waited).
     */
    static int goOn(ChoicePoint p) {
        int me = p.current();
        if (p.currentEnabled()) {
            return me;
        }
        int c = p.nextEnabled(0);
        if (c == me && p.currentMayTimeOut()) {
            int other = p.nextEnabled(me + 1);
            return other >= 0 ? other : me;
        }
        return c;
    }

    @Override
    public void runFinished(RunStatus status, int preemptions, long scheduleHash) {}

    @Override
    public String divergence() {
        return divergence;
    }

    @Override
    public long distinctSchedules() {
        return ran ? 1 : 0;
    }

    @Override
    public boolean exhausted() {
        return ran;
    }

    @Override
    public boolean boundLimited() {
        return false;
    }

    @Override
    public boolean randomized() {
        return false;
    }

    @Override
    public String describe() {
        return strict ? "replay" : "guided replay";
    }
}
