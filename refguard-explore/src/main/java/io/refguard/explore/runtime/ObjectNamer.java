package io.refguard.explore.runtime;

import io.refguard.explore.Named;
import io.refguard.hook.PartOf;
import java.util.HashMap;
import java.util.IdentityHashMap;

/**
 * Gives objects stable names within one run for reports: parts ({@link PartOf}) by their whole,
 * {@link Named#reportName()} when the object provides one, else its simple class name and an
 * ordinal by first appearance ({@code Object#1}, {@code Node#3}). Identity hash codes are never
 * shown: they differ from run to run and would make reports unrepeatable. Used only on failure and
 * tracing paths.
 */
final class ObjectNamer {

    private final IdentityHashMap<Object, String> names = new IdentityHashMap<>();
    private final HashMap<String, Integer> ordinals = new HashMap<>();

    String name(Object o) {
        if (o instanceof PartOf) {
            Object whole = ((PartOf) o).whole();
            if (whole != null) {
                o = whole; // a reference's state is shown as the object it refers to
            }
        }
        if (o == null) {
            return null;
        }
        if (o instanceof Named) {
            return ((Named) o).reportName();
        }
        if (o instanceof Actor) {
            return ((Actor) o).name;
        }
        if (o instanceof Class<?> c) {
            return simpleName(c) + ".class"; // the class waited on while it is initialized
        }
        return names.computeIfAbsent(
                o,
                k -> {
                    String simple = simpleName(k.getClass());
                    int n = ordinals.merge(simple, 1, Integer::sum);
                    return simple + "#" + n;
                });
    }

    void clear() {
        names.clear();
        ordinals.clear();
    }

    private static String simpleName(Class<?> c) {
        String s = c.getSimpleName();
        if (!s.isEmpty()) {
            return s;
        }
        String n = c.getName();
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
