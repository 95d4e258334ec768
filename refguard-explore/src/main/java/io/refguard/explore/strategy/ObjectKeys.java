package io.refguard.explore.strategy;

import io.refguard.explore.Named;
import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.hook.PartOf;
import java.util.HashMap;

/**
 * Numbers the objects that threads' next steps touch, stable across runs, for strategies that learn
 * over runs which objects matter (PCT over racing steps, SURW). Each run has fresh objects, so an
 * object is known by what stays the same from run to run:
 *
 * <ul>
 *   <li>a step that announces a target is keyed by the target's object (a field's or a reference
 *       count's whole): its {@link Named#reportName()} when it has one (the explicit API's shared
 *       variables), else its class, so that every {@code Session} counts as one object and a read
 *       of {@code Session.open} meets the write of it;
 *   <li>a step without a target (an explicit {@code point("a.get")}) is keyed by the name in its
 *       label: {@code a.get} and {@code a.set} are both {@code a} (the label up to its last dot),
 *       the same key as a shared variable named {@code a}.
 * </ul>
 *
 * Lookups of a target class or label seen before allocate nothing.
 */
final class ObjectKeys {

    private final HashMap<Object, Integer> keyOf = new HashMap<>();
    private final HashMap<String, String> nameOfLabel = new HashMap<>();

    /**
     * The key of the object thread {@code id}'s next step touches, from 0 in order of first sight.
     */
    int key(ChoicePoint p, int id) {
        Object t = p.pendingTarget(id);
        Object base;
        if (t == null) {
            base = labelName(p.pendingLabel(id));
        } else {
            if (t instanceof PartOf part && part.whole() != null) {
                t = part.whole();
            }
            base = t instanceof Named named ? named.reportName() : t.getClass();
        }
        Integer k = keyOf.get(base);
        if (k == null) {
            k = keyOf.size();
            keyOf.put(base, k);
        }
        return k;
    }

    private String labelName(String label) {
        String l = label == null ? "" : label;
        String name = nameOfLabel.get(l);
        if (name == null) {
            int dot = l.lastIndexOf('.');
            name = dot > 0 ? l.substring(0, dot) : l;
            nameOfLabel.put(l, name);
        }
        return name;
    }
}
