package io.refguard;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM of its own by {@link BackstopThreadTest}, where no other test's references are
 * watched: prints, line by line, whether the GC backstop's thread runs after every tracked
 * reference was closed, after a wait, after a new one was opened and dropped, and after the
 * collector reported it.
 */
public final class BackstopLifecycleMain {

    /** A tracked resource that holds nothing. */
    static final class Res extends RefCounted<Res> {
        @Override
        protected void deallocate() {}
    }

    private BackstopLifecycleMain() {}

    public static void main(String[] args) throws InterruptedException {
        RefGuard.setMode(CheckMode.TRACKED);
        BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
        RefGuard.addLeakListener(reports::add);

        Res first = new Res();
        first.acquire().close();
        first.close();
        System.out.println("closed all: thread " + state());
        System.out.println("waited: thread " + awaitState(false));

        leak();
        System.out.println("dropped a handle: thread " + state());
        Report r = null;
        for (int i = 0; i < 200 && r == null; i++) {
            System.gc();
            r = reports.poll(50, TimeUnit.MILLISECONDS);
        }
        System.out.println("reported: " + (r == null ? "nothing" : r.kind()));
        System.out.println("waited again: thread " + awaitState(false));
    }

    /** Acquires a handle of a new resource and drops both; kept out of line so they die here. */
    private static void leak() {
        new Res().acquire().touch(null);
    }

    private static String state() {
        return alive() ? "runs" : "ended";
    }

    /** Waits up to 20 s for the thread to be alive or not; says which it is then. */
    private static String awaitState(boolean running) throws InterruptedException {
        for (int i = 0; i < 200 && alive() != running; i++) {
            Thread.sleep(100);
        }
        return state();
    }

    private static boolean alive() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(WatchTable.THREAD_NAME) && t.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
