package io.refguard.agent.explore;

import io.refguard.agent.bridge.Instruction;
import io.refguard.hook.FieldOf;
import java.util.Arrays;

/**
 * The model of one object of the program in one run: its name in reports, and the state the adapter
 * keeps for JDK objects it models. When the object is used as a monitor, a {@code ReentrantLock} or
 * a {@code Condition}, this model is the key of the runtime's lock and wait set, which hold its
 * owner, hold count and waiters; for a {@code ReentrantLock} the real lock is held as many times by
 * the owner's real thread as well, so the lock's own queries ({@code isHeldByCurrentThread}, {@code
 * getHoldCount}) stay true.
 */
final class LockModel extends NamedKey {

    /**
     * Operations that changed a JDK library object through the adapter: a thread blocked in a
     * modeled operation on it tries again when this changes ({@link BlockingModels}).
     */
    long version;

    /** Threads blocked taking from this queue in the model, for {@code TransferQueue}. */
    int takers;

    /**
     * For a {@code CompletableFuture}: a {@code complete} or {@code completeExceptionally} call of
     * explored code completed it, releasing on this object right after; a read of its result then
     * orders after that release only, not after everything.
     */
    boolean completedByCall;

    /** The model of a JDK object whose state the adapter keeps (a barrier, a rendezvous). */
    Object state;

    /** The label of a wait on this object ({@code wait on queue}), built on first use. */
    private String waitLabel;

    /** The fields of the object that were accessed in this run, by name; see {@link #field}. */
    private String[] fieldNames;

    private FieldOf[] fields;

    LockModel(Object object, String name) {
        super(object, name);
    }

    /**
     * The target of accesses of the object's field {@code name} (interned), or of any field of it
     * for {@link Instruction#ANY_FIELD}: one part per field and run, so that the explorer's
     * comparisons of targets are mostly identity checks.
     */
    FieldOf field(String name) {
        String[] names = fieldNames;
        int n = 0;
        if (names != null) {
            for (; n < names.length && names[n] != null; n++) {
                if (names[n] == name) {
                    return fields[n];
                }
            }
        }
        if (names == null || n == names.length) {
            int size = names == null ? 2 : names.length * 2;
            fieldNames = names = names == null ? new String[size] : Arrays.copyOf(names, size);
            fields = fields == null ? new FieldOf[size] : Arrays.copyOf(fields, size);
        }
        FieldOf f = name.equals(Instruction.ANY_FIELD) ? FieldOf.any(this) : FieldOf.of(this, name);
        names[n] = name;
        fields[n] = f;
        return f;
    }

    /** Slots of an atomic array with a part of their own here, by index. */
    private static final int SLOTS = 1024;

    private FieldOf[] slots;

    /**
     * The target of accesses of slot {@code index} of the atomic array this is the model of: one
     * part per slot, apart from the other slots, kept for the first {@link #SLOTS} indices so that
     * comparisons are identity checks; a part made anew for a higher index, equal to its others by
     * name.
     */
    FieldOf slot(int index) {
        if (index < 0 || index >= SLOTS) {
            return FieldOf.of(this, "[" + index + "]");
        }
        FieldOf[] s = slots;
        if (s == null || index >= s.length) {
            int size = Math.min(SLOTS, Math.max(8, Integer.highestOneBit(index) * 2));
            slots = s = s == null ? new FieldOf[size] : Arrays.copyOf(s, size);
        }
        FieldOf f = s[index];
        if (f == null) {
            f = s[index] = FieldOf.of(this, "[" + index + "]");
        }
        return f;
    }

    /**
     * {@code verb + " " + name}, built once per object and run: labels are never built per call.
     */
    String waitLabel(String verb) {
        String l = waitLabel;
        if (l == null) {
            l = verb + " " + name;
            waitLabel = l;
        }
        return l;
    }
}
