package programs.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The bus hands out a read-only copy, taken under the lock that guards registration. */
public class ReadOnlyListenersFix {
    static final class Bus {
        private final List<String> listeners = new ArrayList<>(List.of("audit", "metrics"));
        synchronized void register(String l) { listeners.add(l); }
        synchronized List<String> listeners() { return Collections.unmodifiableList(new ArrayList<>(listeners)); }
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
