package io.refguard;

import java.lang.ref.Cleaner;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The GC backstop: reports tracked references that became unreachable while still open.
 *
 * <p>Every tracked handle (and every tracked object, for its creator's reference) is registered
 * with one shared {@link Cleaner} whose action is the reference's {@link RefState}, never the
 * handle. The action runs on the cleaner's daemon thread, so reporting here must never throw:
 * a failing logger or listener is contained.
 */
final class LeakBackstop {

    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "refguard-leak-backstop");
        t.setDaemon(true);
        return t;
    });
    private static final CopyOnWriteArrayList<LeakListener> LISTENERS = new CopyOnWriteArrayList<>();
    private static final System.Logger LOG = System.getLogger("io.refguard");

    private LeakBackstop() {}

    static Cleaner.Cleanable register(Object handle, RefState action) {
        return CLEANER.register(handle, action);
    }

    static void addListener(LeakListener listener) {
        LISTENERS.add(listener);
    }

    static void removeListener(LeakListener listener) {
        LISTENERS.remove(listener);
    }

    /** Logs {@code report} and hands it to every listener. Never throws. */
    static void report(Report report) {
        try {
            LOG.log(System.Logger.Level.WARNING, report.toString());
        } catch (Throwable ignored) {
            // a broken logging configuration must not kill the cleaner thread
        }
        for (LeakListener l : LISTENERS) {
            try {
                l.onLeak(report);
            } catch (Throwable t) {
                try {
                    LOG.log(System.Logger.Level.ERROR, "refguard: leak listener " + l + " threw; the leak report"
                            + " was still logged. Fix the listener.", t);
                } catch (Throwable ignored) {
                    // as above
                }
            }
        }
    }
}
