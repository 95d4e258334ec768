package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java.util.Timer} under exploration. The real timer's thread, which its constructor starts,
 * is never given a task: the first call from explored code on a timer in a run attaches a modeled
 * single-thread scheduler to it ({@link ModeledScheduledExecutor}, named {@code Timer-N}), whose
 * worker is an explored thread and whose delays are on the virtual clock. {@code
 * TimerTask.cancel()} called from explored code cancels the task in the model too, and returns
 * false for a one-shot task whose run began, as the JDK does.
 *
 * <p>As {@code Timer}: a task can be scheduled once; {@code schedule} with a period is fixed-delay,
 * {@code scheduleAtFixedRate} fixed-rate; {@code cancel} drops the scheduled tasks (a running one
 * finishes) and refuses new ones. A task that throws kills the timer's thread with its exception
 * and cancels the timer ({@link #runOrDie}).
 */
final class Timers {

    private Timers() {}

    /** A task scheduled on a modeled timer in this run. */
    static final class Scheduled {
        ScheduledFuture<?> future;

        /** Whether a run of it began: the JDK's timer thread marks a one-shot task so first. */
        boolean began;
    }

    /** The per-run state of one timer. */
    private static final class State {
        final ModeledScheduledExecutor scheduler;
        boolean cancelled;

        State(ModeledScheduledExecutor scheduler) {
            this.scheduler = scheduler;
        }
    }

    static Object call(ExploringInterceptor x, LibraryCall call, Timer timer) throws Throwable {
        RunModel r = x.run();
        LockModel k = r.key(timer, call.site());
        if (k.state == null) {
            k.state =
                    new State(
                            new ModeledScheduledExecutor(x, r, 1, null, "Timer-" + r.nextTimer())
                                    .idleWorkersExit()
                                    .tasksNamed("TimerTask#"));
        }
        State s = (State) k.state;
        String n = call.name();
        switch (n) {
            case "cancel" -> {
                s.cancelled = true;
                s.scheduler.shutdownNow("cancel");
                timer.cancel(); // stops the real timer's idle thread
                return null;
            }
            case "purge" -> {
                return 0;
            }
            case "schedule", "scheduleAtFixedRate" -> {
                TimerTask task = (TimerTask) call.argument(0);
                Object when = call.argument(1);
                long delay =
                        when instanceof Date d
                                ? TimeUnit.MILLISECONDS.toNanos(
                                        d.getTime() - x.currentTimeMillis(-1))
                                : TimeUnit.MILLISECONDS.toNanos(((Number) when).longValue());
                long period =
                        call.argumentCount() == 3
                                ? TimeUnit.MILLISECONDS.toNanos(
                                        ((Number) call.argument(2)).longValue())
                                : 0;
                if (when instanceof Number num && num.longValue() < 0) {
                    throw new IllegalArgumentException("Negative delay.");
                }
                if (call.argumentCount() == 3 && period <= 0) {
                    throw new IllegalArgumentException("Non-positive period.");
                }
                if (s.cancelled) {
                    throw new IllegalStateException("Timer already cancelled.");
                }
                if (r.timerTasks.containsKey(task)) {
                    throw new IllegalStateException("Task already scheduled or cancelled");
                }
                delay = Math.max(0L, delay);
                Scheduled entry = new Scheduled();
                Runnable body =
                        () -> {
                            entry.began = true;
                            runOrDie(s, timer, task);
                        };
                ScheduledFuture<?> f;
                if (period == 0) {
                    f = s.scheduler.schedule(body, delay, TimeUnit.NANOSECONDS);
                } else if (n.equals("scheduleAtFixedRate")) {
                    f = s.scheduler.scheduleAtFixedRate(body, delay, period, TimeUnit.NANOSECONDS);
                } else {
                    f =
                            s.scheduler.scheduleWithFixedDelay(
                                    body, delay, period, TimeUnit.NANOSECONDS);
                }
                entry.future = f;
                r.timerTasks.put(task, entry);
                return null;
            }
            default -> {
                return call.proceed();
            }
        }
    }

    /**
     * Runs {@code task} on the timer's thread. A task that throws ends the timer as the JDK's does:
     * its thread dies with the exception (which fails the run, as any thread's uncaught exception
     * does), the timer is cancelled, its other tasks never run, and scheduling on it throws {@code
     * IllegalStateException}.
     */
    private static void runOrDie(State s, Timer timer, TimerTask task) {
        try {
            task.run();
        } catch (Throwable t) {
            if (io.refguard.explore.Coordinator.isAbort(t)) {
                throw t;
            }
            s.cancelled = true;
            s.scheduler.shutdownNow();
            timer.cancel();
            s.scheduler.fatal = t;
        }
    }

    /**
     * {@code task.cancel()} from explored code: cancels the task in its timer's model, if it was
     * scheduled there, and the real task's state. Returns what {@code TimerTask.cancel} returns:
     * whether this prevented a run.
     */
    static Object cancelTask(ExploringInterceptor x, LibraryCall call, TimerTask task)
            throws Throwable {
        Scheduled entry = x.run().timerTasks.get(task);
        call.proceed();
        if (entry == null) {
            return false;
        }
        ScheduledFuture<?> f = entry.future;
        boolean periodic =
                f instanceof java.util.concurrent.RunnableScheduledFuture<?> rsf
                        && rsf.isPeriodic();
        boolean cancelled = f.cancel(false);
        // a one-shot task whose run began was marked executed first: cancel cannot stop it
        return periodic ? cancelled || !f.isDone() : cancelled && !entry.began;
    }

    /** A fresh map of the tasks scheduled on modeled timers, for a run. */
    static Map<TimerTask, Scheduled> newTaskMap() {
        return new IdentityHashMap<>();
    }
}
