package programs.jdk;

import java.util.concurrent.CopyOnWriteArrayList;

/** 120 plugin threads register their listeners at start-up; a listener must be registered once. */
public class ListenerRegistryBug {
    static final CopyOnWriteArrayList<String> listeners = new CopyOnWriteArrayList<>();

    static void register(String name) {
        if (!listeners.contains(name)) listeners.add(name);     // BUG: check-then-act on a thread-safe list
    }

    public static void main(String[] args) throws Exception {
        Thread[] ts = new Thread[120];
        for (int i = 0; i < ts.length; i++) {
            String name = "listener-" + (i % 4);
            ts[i] = new Thread(() -> register(name), "plugin-" + i);
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        if (listeners.size() != 4) throw new AssertionError("registered " + listeners);
    }
}
