package example.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registry hands readers an unmodifiable view of its listeners while a thread still adds to the
 * list behind it: the view is read-only, the list is not, and iterating it races with the add. The
 * fix hands out an unmodifiable copy, and reads an unmodifiable map's key set, both views of
 * collections that no thread changes once they are shared.
 */
public final class ReadOnlyView {

    private ReadOnlyView() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> listeners = new ArrayList<>(List.of("audit", "metrics"));
        List<String> view = Collections.unmodifiableList(listeners);
        Thread registrar = new Thread(() -> listeners.add("tracing"), "registrar");
        registrar.start();
        int notified = 0;
        for (String l : view) {
            notified += l.isEmpty() ? 0 : 1;
        }
        registrar.join();
        if (notified < 2) {
            throw new AssertionError("notified " + notified + " listeners");
        }
    }

    /** The fix: a copy for the readers, and views of collections nobody changes. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            List<String> listeners = new ArrayList<>(List.of("audit", "metrics"));
            List<String> view = Collections.unmodifiableList(new ArrayList<>(listeners));
            Map<String, Integer> ports = new TreeMap<>(Map.of("http", 80, "https", 443));
            Map<String, Integer> readOnly = Collections.unmodifiableMap(ports);
            int[] seen = new int[1];
            Thread reader =
                    new Thread(
                            () -> {
                                for (String name : readOnly.keySet()) {
                                    seen[0] += readOnly.get(name) > 0 ? 1 : 0;
                                }
                            },
                            "reader");
            Thread registrar = new Thread(() -> listeners.add("tracing"), "registrar");
            reader.start();
            registrar.start();
            int notified = 0;
            for (String l : view) {
                notified += l.isEmpty() ? 0 : 1;
            }
            notified += readOnly.containsKey("http") ? 0 : -1;
            registrar.join();
            reader.join();
            if (notified != 2 || seen[0] != 2) {
                throw new AssertionError("notified " + notified + ", saw " + seen[0] + " ports");
            }
        }
    }
}
