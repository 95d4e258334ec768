package io.refguard.swap;

import io.refguard.Ref;
import io.refguard.RefCounted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A hot-swapped {@link MemberSet}: the current set of reference-counted members, reloaded from a
 * new list of member keys while readers use the old set. This is the reader stack of git's
 * reftable, where a reload re-reads the list of tables: tables still listed keep their open
 * readers, new ones are opened, and readers no longer listed are freed when the last iterator using
 * them closes.
 *
 * <pre>{@code
 * HotSwapSet<String, TableReader> stack = new HotSwapSet<>(TableReader::open);
 * stack.reload(List.of("t1", "t2"));
 * try (Ref<MemberSet<String, TableReader>> s = stack.acquire()) {
 *     for (TableReader t : s.get().members()) { ... }     // every member alive until close
 * }
 * stack.reload(List.of("t12"));   // t1, t2 freed once no reader holds a set containing them
 * }</pre>
 *
 * <p><b>Reload.</b> A reload builds the next set under a temporary reference to the current set,
 * which keeps every current member alive for the duration. A member whose key is still listed is
 * reused: the next set gets its own reference to it, shared from the current set's reference. A new
 * key is opened with the {@link MemberOpener}. Only when every member is in hand is the next set
 * published; the temporary reference is dropped after that. If the opener fails half-way, the
 * references the attempt took on reused members are closed (the current set still holds its own, so
 * no member is freed), the members the attempt opened are closed (they are freed), and the current
 * set stays published, unchanged. This is the fix for the reftable reload that freed reused readers
 * when it failed to open a new table.
 *
 * <p>Concurrency: readers ({@link #acquire()}) are lock-free, as in {@link HotSwap}. Reloads are
 * serialized by a lock, so each one starts from the set the previous one published.
 *
 * @param <K> the member key type; keys identify members across reloads ({@code equals}/{@code
 *     hashCode})
 * @param <M> the member type
 */
public final class HotSwapSet<K, M extends RefCounted<M>> implements AutoCloseable {

    private final MemberOpener<K, M> opener;
    private final HotSwap<MemberSet<K, M>> current;
    private final ReentrantLock reloadLock = new ReentrantLock();

    /** Creates an empty set that opens members with {@code opener}. */
    public HotSwapSet(MemberOpener<K, M> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.current = new HotSwap<>(new MemberSet<K, M>(List.of(), List.of()));
    }

    /**
     * A reference to the current set; every member of it stays alive until the reference is closed.
     *
     * @throws IllegalStateException when this set is closed
     */
    public Ref<MemberSet<K, M>> acquire() {
        return current.acquire();
    }

    /**
     * Makes {@code keys}, in this order, the current members: reuses the members already open for
     * keys still listed, opens the others, publishes the new set, and lets the members no longer
     * listed go (each is freed once no reader holds a set containing it).
     *
     * @throws IllegalArgumentException when {@code keys} has duplicates or nulls
     * @throws ReloadException when the opener fails or returns null; the current set is unchanged
     * @throws IllegalStateException when this set is closed
     */
    public void reload(List<K> keys) {
        List<K> next = List.copyOf(keys); // rejects nulls
        if (new HashSet<>(next).size() != next.size()) {
            throw new IllegalArgumentException(
                    "refguard: reload keys must be distinct, got " + next);
        }
        reloadLock.lock();
        try (Ref<MemberSet<K, M>> base = current.acquire()) {
            List<Ref<M>> refs = new ArrayList<>(next.size());
            try {
                for (K key : next) {
                    Ref<M> reused = base.get().memberRef(key);
                    refs.add(reused != null ? reused.share() : open(key));
                }
            } catch (RuntimeException | Error e) {
                closeAll(refs, e);
                throw e;
            }
            current.swap(new MemberSet<>(next, refs));
        } finally {
            reloadLock.unlock();
        }
    }

    /** Closes this manager's reference to the current set. Idempotent. */
    @Override
    public void close() {
        reloadLock.lock();
        try {
            current.close();
        } finally {
            reloadLock.unlock();
        }
    }

    private Ref<M> open(K key) {
        M member;
        try {
            member = opener.open(key);
        } catch (
                Exception e) { // checked or unchecked alike: name the key; errors propagate as they
            // are
            throw new ReloadException(key, e);
        }
        if (member == null) {
            throw new ReloadException(
                    key, new NullPointerException("the opener returned null for '" + key + "'"));
        }
        return member;
    }

    private static <M> void closeAll(List<Ref<M>> refs, Throwable failure) {
        for (Ref<M> r : refs) {
            try {
                r.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
