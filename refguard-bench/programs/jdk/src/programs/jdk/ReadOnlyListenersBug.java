package programs.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An event bus hands out a read-only view of its listeners while a plugin still registers one. */
public class ReadOnlyListenersBug {
    static final class Bus {
        private final List<String> listeners = new ArrayList<>(List.of("audit", "metrics"));
        synchronized void register(String l) { listeners.add(l); }
        List<String> listeners() { return Collections.unmodifiableList(listeners); } // BUG: a view, not a copy
    }

    public static void main(String[] args) throws Exception {
        Bus bus = new Bus();
        Thread plugin = new Thread(() -> bus.register("tracing"), "plugin");
        plugin.start();
        int delivered = 0;
        for (String l : bus.listeners()) delivered += l.isEmpty() ? 0 : 1;
        plugin.join();
        if (delivered < 2) throw new AssertionError("delivered to " + delivered + " listeners");
    }
}
