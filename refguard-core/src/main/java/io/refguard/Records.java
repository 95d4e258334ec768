package io.refguard;

import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.SchedulingHook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The access records of one tracked object: the first record, and a ring of the last {@code k}.
 *
 * <p>Lock-free: a writer claims a sequence number with one atomic increment and stores its record
 * in the ring slot that number selects. Readers (report rendering) take a best-effort snapshot; a
 * record being written concurrently may be missing from it, which is acceptable for diagnostics,
 * and sorting by sequence number keeps the snapshot ordered. Each add is a scheduling point for the
 * interleaving explorer.
 */
final class Records {

    private final AtomicInteger count = new AtomicInteger();
    private volatile AccessRecord first;
    private final AtomicReferenceArray<AccessRecord> last;

    Records(int lastK) {
        this.last = new AtomicReferenceArray<>(lastK);
    }

    void add(String event, Object hint, Site site) {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeInternalAccess(this, Access.UPDATE, "record");
        }
        int n = count.getAndIncrement();
        AccessRecord record =
                new AccessRecord(n + 1, event, hint == null ? null : String.valueOf(hint), site);
        if (n == 0) {
            first = record;
        } else if (last.length() > 0) {
            // a release store, not a volatile one (no fence on x86): a report's snapshot is best
            // effort anyway, and the record is fully built before this store publishes it
            last.lazySet(Integer.remainderUnsigned(n - 1, last.length()), record);
        }
    }

    /** The total number of records ever added. */
    int total() {
        return count.get();
    }

    /** The first record followed by the retained last ones, in order. */
    List<AccessRecord> snapshot() {
        List<AccessRecord> out = new ArrayList<>(last.length() + 1);
        for (int i = 0; i < last.length(); i++) {
            AccessRecord r = last.get(i);
            if (r != null) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingInt(AccessRecord::index));
        AccessRecord f = first;
        if (f != null) {
            out.add(0, f);
        }
        return out;
    }
}
