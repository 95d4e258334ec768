package example.cli.lib;

/** A library that runs a task on a thread of its own: outside the include, so not instrumented. */
public final class Launcher {

    private Launcher() {}

    /** Starts a daemon thread running {@code task}. */
    public static Thread start(Runnable task) {
        Thread t = new Thread(task, "launcher-worker");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
