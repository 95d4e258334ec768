package programs.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Listeners by topic in a synchronized map; subscribing also records the topic in a registry
 *  guarded by its own monitor, and a cleaner empties both. */
public class ListenerOrderFix {
    static final Map<String, List<Runnable>> listeners = Collections.synchronizedMap(new HashMap<>());
    static final List<String> registry = new ArrayList<>();

    static void subscribe(String topic, Runnable listener) {
        listeners.computeIfAbsent(topic, t -> {       // holds the map's monitor ...
            synchronized (registry) {                 // ... then takes the registry's
                registry.add(t);
            }
            return new ArrayList<>();
        }).add(listener);
    }

    static void dropAll() {
        synchronized (listeners) {                    // FIX: the map's monitor first, as subscribe
            synchronized (registry) {
                listeners.clear();
                registry.clear();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Thread s = new Thread(() -> subscribe("orders", () -> {}), "subscriber");
        Thread c = new Thread(ListenerOrderFix::dropAll, "cleaner");
        s.start(); c.start(); s.join(); c.join();
    }
}
