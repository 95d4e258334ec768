package io.refguard.explore.strategy;

import java.util.HashMap;

/**
 * Numbers the objects that steps touch, stable across runs: each run has fresh scenario objects, so
 * an object is known by the name in its steps' labels ({@code a.get} and {@code a.set} are both
 * object {@code a}: the label up to its last dot, or the whole label). Lookups of a label seen
 * before allocate nothing.
 */
final class LabelKeys {

    private final HashMap<String, Integer> keyOfLabel = new HashMap<>();
    private final HashMap<String, Integer> keyOfName = new HashMap<>();

    /** The key of {@code label}'s object, from 0 in order of first sight. */
    int key(String label) {
        String l = label == null ? "" : label;
        Integer k = keyOfLabel.get(l);
        if (k == null) {
            int dot = l.lastIndexOf('.');
            String name = dot > 0 ? l.substring(0, dot) : l;
            k = keyOfName.get(name);
            if (k == null) {
                k = keyOfName.size();
                keyOfName.put(name, k);
            }
            keyOfLabel.put(l, k);
        }
        return k;
    }

    /** The number of keys given out. */
    int size() {
        return keyOfName.size();
    }
}
