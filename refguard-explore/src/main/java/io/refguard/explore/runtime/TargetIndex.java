package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;

/**
 * The started threads of a run by the target of the operation each announced last, so that the
 * threads whose next step does not commute with a given one ({@link ChoicePoint#independent}) are
 * found without looking at the others: those with an unknown target, and those with the same target
 * unless both only read. The fields of one object ({@code FieldOf}) are indexed under the object,
 * with the object's own operations, and told apart by {@link Locations#dependent} when found. Kept
 * only once a strategy asks ({@link ChoicePoint#nextDependent}), then updated at every scheduling
 * point with one lookup in an identity map; emptied when a run starts, its sets reused. Touched
 * only by the baton holder.
 */
final class TargetIndex {

    private final ThreadSet started = new ThreadSet();
    private final ThreadSet unknown = new ThreadSet();

    /** Per target: every thread at it, and those whose access is not a read. */
    private final IdentityHashMap<Object, ThreadSet[]> byTarget = new IdentityHashMap<>();

    private final ArrayDeque<ThreadSet[]> spare = new ArrayDeque<>();

    /** Forgets every thread: a run starts, and its threads are all new. */
    void clear() {
        for (ThreadSet[] s : byTarget.values()) {
            s[0].clear();
            s[1].clear();
            spare.push(s);
        }
        byTarget.clear();
        started.clear();
        unknown.clear();
    }

    /** Indexes started thread {@code a} at the operation it announced last. */
    void update(Actor a) {
        remove(a);
        Object t = a.pendingTarget == null ? null : Locations.indexKey(a.pendingTarget);
        started.add(a.id);
        if (t == null) {
            unknown.add(a.id);
        } else {
            ThreadSet[] s = byTarget.get(t);
            if (s == null) {
                s =
                        spare.isEmpty()
                                ? new ThreadSet[] {new ThreadSet(), new ThreadSet()}
                                : spare.pop();
                byTarget.put(t, s);
            }
            s[0].add(a.id);
            if (a.pendingAccess != Access.READ) {
                s[1].add(a.id);
            }
        }
        a.indexedTarget = t;
        a.indexed = true;
    }

    private void remove(Actor a) {
        if (!a.indexed) {
            return;
        }
        a.indexed = false;
        Object t = a.indexedTarget;
        a.indexedTarget = null;
        started.remove(a.id);
        if (t == null) {
            unknown.remove(a.id);
            return;
        }
        ThreadSet[] s = byTarget.get(t);
        s[0].remove(a.id);
        s[1].remove(a.id);
        if (s[0].isEmpty()) {
            byTarget.remove(t);
            spare.push(s);
        }
    }

    /**
     * The lowest id from {@code from} on, other than {@code c}, of a started thread whose next step
     * does not commute with started thread {@code c}'s, or -1.
     */
    int nextDependent(Actor c, int from, Actor[] slots) {
        Object t = c.pendingTarget;
        if (t == null) {
            return skip(started, c.id, from);
        }
        Object key = Locations.indexKey(t);
        ThreadSet[] s = byTarget.get(key);
        int u = skip(unknown, c.id, from);
        if (s == null) {
            return u;
        }
        ThreadSet set = c.pendingAccess == Access.READ ? s[1] : s[0];
        int v = skip(set, c.id, from);
        // an object and its fields share a key: of another target, keep only what overlaps
        while (v >= 0
                && slots[v].pendingTarget != t
                && !Locations.dependent(
                        slots[v].pendingTarget, slots[v].pendingAccess, t, c.pendingAccess)) {
            v = skip(set, c.id, v + 1);
        }
        return u < 0 ? v : v < 0 ? u : Math.min(u, v);
    }

    private static int skip(ThreadSet set, int c, int from) {
        int u = set.next(from);
        return u == c ? set.next(c + 1) : u;
    }
}
