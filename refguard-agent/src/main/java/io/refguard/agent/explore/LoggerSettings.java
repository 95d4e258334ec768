package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Changes explored code makes to a {@code java.util.logging.Logger}: its handlers, level, filter,
 * parent and use of its parent's handlers. A logger lives in the JDK's registry ({@code
 * LogManager}), not in the program's static fields, which every run starts afresh; so a handler a
 * program adds in {@code main} stayed attached in the next run, where it ran beside the new one and
 * the runs of one schedule took different steps (an inconclusive "runs of the same schedule
 * differ"). Each change is made as the program asks and remembered with what it replaced; before
 * the next run starts, and after the exploration's last run, the run's changes are undone in
 * reverse order ({@link #undo}). A setting is no scheduling point: it is configuration, and the
 * logger's own lock guards it.
 */
final class LoggerSettings {

    private final List<Runnable> undo = new ArrayList<>();

    /** {@code call}, a setting of {@code logger}, made and remembered. */
    Object change(LibraryCall call, Logger logger) throws Throwable {
        Object arg = call.argument(0);
        switch (call.name()) {
            case "addHandler" -> {
                Handler h = (Handler) arg;
                undo.add(() -> logger.removeHandler(h));
            }
            case "removeHandler" -> {
                Handler h = (Handler) arg;
                if (h != null && Arrays.asList(logger.getHandlers()).contains(h)) {
                    undo.add(() -> logger.addHandler(h));
                }
            }
            case "setLevel" -> {
                Level before = logger.getLevel();
                undo.add(() -> logger.setLevel(before));
            }
            case "setUseParentHandlers" -> {
                boolean before = logger.getUseParentHandlers();
                undo.add(() -> logger.setUseParentHandlers(before));
            }
            case "setFilter" -> {
                Filter before = logger.getFilter();
                undo.add(() -> logger.setFilter(before));
            }
            default -> { // setParent
                Logger before = logger.getParent();
                if (before != null) {
                    undo.add(() -> logger.setParent(before));
                }
            }
        }
        return call.proceed();
    }

    /** Undoes this run's changes, the last first. */
    void undo() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).run();
            } catch (RuntimeException e) {
                // a logger a security policy or LogManager reset made read-only: leave it
            }
        }
        undo.clear();
    }
}
