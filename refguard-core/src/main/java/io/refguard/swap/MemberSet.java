package io.refguard.swap;

import io.refguard.Ref;
import io.refguard.RefCounted;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, ordered set of reference-counted members published by a {@link HotSwapSet}: for
 * example the stack of table readers that make up one version of a reftable stack. The set holds
 * one reference on each member and closes them all when the set itself is freed, so a member lives
 * while any set containing it is in use.
 *
 * <p>Reach members only through a reference to the set: {@code try (Ref<MemberSet<K, M>> s =
 * stack.acquire()) { s.get().member(0)... }}.
 *
 * @param <K> the member key type
 * @param <M> the member type
 */
public final class MemberSet<K, M extends RefCounted<M>> extends RefCounted<MemberSet<K, M>> {

    private final List<K> keys;
    private final List<M> members;
    private final List<Ref<M>> refs;
    private final Map<K, Integer> index;

    /** Takes over {@code refs}, one per key in order. */
    MemberSet(List<K> keys, List<Ref<M>> refs) {
        this.keys = List.copyOf(keys);
        this.refs = new ArrayList<>(refs);
        List<M> ms = new ArrayList<>(refs.size());
        Map<K, Integer> idx = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            ms.add(refs.get(i).get());
            idx.put(keys.get(i), i);
        }
        this.members = Collections.unmodifiableList(ms);
        this.index = idx;
    }

    /** The member keys, in order. */
    public List<K> keys() {
        ensureAccessible();
        return keys;
    }

    /** The members, in key order. Valid while the caller holds a reference to this set. */
    public List<M> members() {
        ensureAccessible();
        return members;
    }

    /** The number of members. */
    public int size() {
        return keys.size();
    }

    /** The member at {@code position}. */
    public M member(int position) {
        ensureAccessible();
        return members.get(position);
    }

    /** The member with {@code key}, or {@code null} when the set has none. */
    public M member(K key) {
        ensureAccessible();
        Integer i = index.get(key);
        return i == null ? null : members.get(i);
    }

    /** This set's own reference to the member with {@code key}, or null; for reuse by a reload. */
    Ref<M> memberRef(K key) {
        Integer i = index.get(key);
        return i == null ? null : refs.get(i);
    }

    /** Closes this set's reference on every member. */
    @Override
    protected void deallocate() {
        RuntimeException first = null;
        for (Ref<M> r : refs) {
            try {
                r.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "MemberSet" + keys;
    }
}
