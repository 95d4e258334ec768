package io.refguard.agent;

import io.refguard.agent.bridge.AccessKind;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * Which calls on atomic classes, field updaters, {@code VarHandle}s and {@code Unsafe} are memory
 * accesses, of which {@link AccessKind}, and on which target object.
 *
 * <p>These operations are not replaced: a scheduling point ({@code SyncBridge.beforeRead}, {@code
 * beforeWrite} or {@code beforeUpdate}) is inserted before the unchanged call. Because the receiver
 * lies under the arguments on the operand stack, the arguments are parked in scratch locals while
 * the target is reported, then reloaded (see {@code MethodRewriter.accessPoint}): the report's
 * stack frame is then the caller's own line.
 */
final class AtomicRules {

    /** Which operand the access is reported against. */
    enum Target {
        /** The atomic object itself (AtomicInteger, LongAdder, ...). */
        RECEIVER,
        /**
         * One slot of an atomic array (AtomicIntegerArray, AtomicLongArray, AtomicReferenceArray),
         * the receiver at the index its first argument gives: every access of such an array names
         * its index.
         */
        ARRAY_SLOT,
        /**
         * An element of an array reached through a {@code VarHandle} whose first coordinates are
         * the array and an {@code int} index ({@code MethodHandles.arrayElementVarHandle}): the
         * array at that index. Not for {@code byte[]}, whose view handles take a byte offset.
         */
        VAR_HANDLE_ELEMENT,
        /** The first argument: the object whose field a field updater touches. */
        FIRST_ARGUMENT,
        /**
         * A VarHandle's first coordinate when it is a reference (the field holder or the array),
         * else the handle itself (a static field).
         */
        VAR_HANDLE,
        /**
         * The first argument of an {@code Unsafe} access at an offset: the object whose field or
         * element it touches, the class object of a static field ({@code staticFieldBase}), or null
         * for an absolute address (off-heap memory), which is no access of a Java object.
         */
        UNSAFE_BASE,
        /**
         * As {@link #UNSAFE_BASE}, for a plain get or put ({@code getInt(Object, long)}), which is
         * a point only with plain fields, folded as a plain field's access is.
         */
        UNSAFE_PLAIN,
        /**
         * A plain get or put at an absolute address only ({@code getLong(long)}, {@code
         * putInt(long, int)}): memory outside the heap, a point only with plain fields.
         */
        UNSAFE_ADDRESS
    }

    /** The classification of one call site. */
    record Access(AccessKind kind, Target target) {}

    static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final String PKG = "java/util/concurrent/atomic/";

    /** {@code sun.misc.Unsafe}, and the JDK's own, which code reaches only when it is exported. */
    private static final Set<String> UNSAFE_OWNERS =
            Set.of("sun/misc/Unsafe", "jdk/internal/misc/Unsafe");

    /** The parameters an {@code Unsafe} access of an object's memory begins with. */
    private static final String BASE_AND_OFFSET = "(Ljava/lang/Object;J";

    private static final Set<String> RECEIVER_OWNERS =
            Set.of(
                    "AtomicInteger",
                    "AtomicLong",
                    "AtomicBoolean",
                    "AtomicReference",
                    "AtomicIntegerArray",
                    "AtomicLongArray",
                    "AtomicReferenceArray",
                    "AtomicMarkableReference",
                    "AtomicStampedReference",
                    "LongAdder",
                    "LongAccumulator",
                    "DoubleAdder",
                    "DoubleAccumulator");
    private static final Set<String> ARRAY_OWNERS =
            Set.of("AtomicIntegerArray", "AtomicLongArray", "AtomicReferenceArray");

    private static final Set<String> UPDATER_OWNERS =
            Set.of(
                    "AtomicIntegerFieldUpdater",
                    "AtomicLongFieldUpdater",
                    "AtomicReferenceFieldUpdater");

    /** Methods of those classes that do not touch the value. */
    private static final Set<String> NOT_ACCESSES =
            Set.of("toString", "hashCode", "equals", "getClass", "length", "newUpdater");

    private static final Set<String> WRITES =
            Set.of("set", "lazySet", "setPlain", "setOpaque", "setRelease", "setVolatile", "reset");

    private static final Set<String> VAR_HANDLE_MODES =
            Set.of(
                    "get",
                    "set",
                    "getVolatile",
                    "setVolatile",
                    "getAcquire",
                    "setRelease",
                    "getOpaque",
                    "setOpaque",
                    "compareAndSet",
                    "compareAndExchange",
                    "compareAndExchangeAcquire",
                    "compareAndExchangeRelease",
                    "weakCompareAndSetPlain",
                    "weakCompareAndSet",
                    "weakCompareAndSetAcquire",
                    "weakCompareAndSetRelease",
                    "getAndSet",
                    "getAndSetAcquire",
                    "getAndSetRelease",
                    "getAndAdd",
                    "getAndAddAcquire",
                    "getAndAddRelease",
                    "getAndBitwiseOr",
                    "getAndBitwiseOrAcquire",
                    "getAndBitwiseOrRelease",
                    "getAndBitwiseAnd",
                    "getAndBitwiseAndAcquire",
                    "getAndBitwiseAndRelease",
                    "getAndBitwiseXor",
                    "getAndBitwiseXorAcquire",
                    "getAndBitwiseXorRelease");

    private AtomicRules() {}

    /**
     * The access an instance call performs, or {@code null} when it is not one to intercept. Only
     * exact owners are recognized: subclasses of atomic classes are rare and their calls are left
     * alone.
     */
    static Access classify(String owner, String name, String desc, boolean plainFields) {
        if (owner.equals(VAR_HANDLE)) {
            if (!VAR_HANDLE_MODES.contains(name)) {
                return null;
            }
            Type[] args = Type.getArgumentTypes(desc);
            boolean element =
                    args.length - varHandleValueCount(name) == 2
                            && args[0].getSort() == Type.ARRAY
                            && !args[0].getDescriptor().equals("[B")
                            && args[1].getSort() == Type.INT;
            return new Access(kind(name), element ? Target.VAR_HANDLE_ELEMENT : Target.VAR_HANDLE);
        }
        if (UNSAFE_OWNERS.contains(owner)) {
            return unsafe(name, desc, plainFields);
        }
        if (!owner.startsWith(PKG) || NOT_ACCESSES.contains(name)) {
            return null;
        }
        String simple = owner.substring(PKG.length());
        if (ARRAY_OWNERS.contains(simple) && desc.startsWith("(I")) {
            return new Access(kind(name), Target.ARRAY_SLOT);
        }
        if (RECEIVER_OWNERS.contains(simple)) {
            return new Access(kind(name), Target.RECEIVER);
        }
        if (UPDATER_OWNERS.contains(simple) && Type.getArgumentTypes(desc).length > 0) {
            return new Access(kind(name), Target.FIRST_ARGUMENT);
        }
        return null;
    }

    private static Access unsafe(String name, String desc, boolean plainFields) {
        if (desc.startsWith(BASE_AND_OFFSET)) {
            AccessKind kind = unsafeKind(name);
            if (kind != null) {
                return new Access(kind, Target.UNSAFE_BASE);
            }
            kind = plainFields ? plainUnsafeKind(name) : null;
            return kind == null ? null : new Access(kind, Target.UNSAFE_PLAIN);
        }
        AccessKind kind = plainFields && desc.startsWith("(J") ? plainUnsafeKind(name) : null;
        return kind == null ? null : new Access(kind, Target.UNSAFE_ADDRESS);
    }

    /** A plain {@code Unsafe} get or put of one value: {@code getInt}, {@code putLongUnaligned}. */
    private static final java.util.regex.Pattern PLAIN_UNSAFE =
            java.util.regex.Pattern.compile(
                    "(get|put)(Int|Long|Byte|Short|Char|Boolean|Float|Double|Object|Reference"
                            + "|Address)(Unaligned)?");

    /**
     * READ for a plain {@code Unsafe} get, WRITE for a plain put, null for anything else (the
     * synchronizing forms, {@code copyMemory}, {@code setMemory}, {@code allocateMemory}, ...).
     */
    static AccessKind plainUnsafeKind(String name) {
        if (!PLAIN_UNSAFE.matcher(name).matches()) {
            return null;
        }
        return name.startsWith("get") ? AccessKind.READ : AccessKind.WRITE;
    }

    private static AccessKind kind(String name) {
        if (WRITES.contains(name)) {
            return AccessKind.WRITE;
        }
        boolean read =
                (name.startsWith("get") && !name.startsWith("getAnd"))
                        || name.endsWith("Value")
                        || name.equals("sum")
                        || name.equals("isMarked");
        return read ? AccessKind.READ : AccessKind.UPDATE;
    }

    /**
     * The kind of an {@code Unsafe} method that takes a base object and an offset, or {@code null}
     * for one that is not a synchronizing access: the plain {@code getInt}/{@code putInt} family
     * (like plain fields, and frequent in buffers' byte copies) and everything else. Reads are the
     * volatile, acquire and opaque gets; writes the volatile, ordered, release and opaque puts;
     * updates the compare-and-swap/set/exchange forms, weak ones included, and {@code getAndAdd},
     * {@code getAndSet} and {@code getAndBitwise*} in every mode.
     */
    static AccessKind unsafeKind(String name) {
        if (name.startsWith("compareAnd")
                || name.startsWith("weakCompareAnd")
                || name.startsWith("getAnd")) {
            return AccessKind.UPDATE;
        }
        if (name.startsWith("get")
                && (name.endsWith("Volatile")
                        || name.endsWith("Acquire")
                        || name.endsWith("Opaque"))) {
            return AccessKind.READ;
        }
        if (name.startsWith("putOrdered")
                || name.startsWith("put")
                        && (name.endsWith("Volatile")
                                || name.endsWith("Release")
                                || name.endsWith("Opaque"))) {
            return AccessKind.WRITE;
        }
        return null;
    }

    /**
     * For a VarHandle call with descriptor {@code desc} (receiver excluded), how many trailing
     * parameters are values rather than coordinates: 0 for reads, 2 for compare-and-set and
     * compare-and-exchange, else 1.
     */
    static int varHandleValueCount(String name) {
        if (name.startsWith("compareAnd") || name.startsWith("weakCompareAndSet")) {
            return 2;
        }
        return name.startsWith("get") && !name.startsWith("getAnd") ? 0 : 1;
    }
}
