package io.refguard.agent;

import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryBridge;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites the instructions of one method so that its synchronization operations go through the
 * bridge, registering one {@link Instructions instruction} per rewritten instruction.
 *
 * <p>Invariant: every inserted sequence is straight-line code that leaves the operand stack as the
 * original instruction expects it, so the method's existing stack map frames stay valid and nothing
 * has to be recomputed (no {@code COMPUTE_FRAMES}, no class loading). Only the maximum stack size
 * grows, which the class writer recomputes.
 */
final class MethodRewriter {

    /** What to do with {@code monitorenter}/{@code monitorexit}. */
    enum Monitors {
        /** Leave them: the real copy of a split method. */
        REAL,
        /** Replace them by the interceptor's model: the modeled copy of a split method. */
        MODELED,
        /**
         * Keep them, but lock what {@code SyncBridge.enterTarget/exitTarget} return (a
         * thread-private token when modeled): for methods that cannot be split.
         */
        TOKEN
    }

    private final ClassContext cls;
    private final MethodNode method;
    private final Monitors monitors;
    private final String sourceMethodName;
    private int line;
    private int rewrites;
    private int scratchBase = -1;

    /**
     * @param sourceMethodName the name reported in sites (the original name, for a copy)
     */
    MethodRewriter(
            ClassContext cls, MethodNode method, Monitors monitors, String sourceMethodName) {
        this(cls, method, monitors, sourceMethodName, -1);
    }

    /**
     * @param line the line to report until the method's own line numbers say otherwise (for a
     *     generated helper, which has none: the line of the code it stands for)
     */
    MethodRewriter(
            ClassContext cls,
            MethodNode method,
            Monitors monitors,
            String sourceMethodName,
            int line) {
        this.cls = cls;
        this.method = method;
        this.monitors = monitors;
        this.sourceMethodName = sourceMethodName;
        this.line = line;
    }

    /** Rewrites the method in place and returns how many instructions were rewritten. */
    int rewrite() {
        InsnList code = method.instructions;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; ) {
            AbstractInsnNode next = insn.getNext();
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (insn instanceof FieldInsnNode field) {
                field(code, field);
            } else if (insn instanceof MethodInsnNode call) {
                call(code, call);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                rewrites += MethodRefs.redirect(cls, indy, sourceMethodName, line);
                capturingLambda(code, indy);
            } else if (insn.getOpcode() == Opcodes.MONITORENTER
                    || insn.getOpcode() == Opcodes.MONITOREXIT) {
                monitor(code, insn);
            } else if (ArrayAccesses.isLoad(insn.getOpcode())
                    || ArrayAccesses.isStore(insn.getOpcode())) {
                array(code, insn);
            }
            insn = next;
        }
        markResultReads(code);
        return rewrites;
    }

    /**
     * Rewrites only the calls that supply values a run must repeat (randomness, the clock; see
     * {@link CallRules#suppliesValue}) and returns how many: for a static initializer, which runs
     * as plain code, without scheduling points, but is run again in every run of a program and so
     * must draw the same numbers in every run of a schedule (Lucene seeds its ids from {@code
     * /dev/urandom} in one).
     */
    int rewriteValues() {
        InsnList code = method.instructions;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; ) {
            AbstractInsnNode next = insn.getNext();
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (insn instanceof MethodInsnNode call) {
                if (call.getOpcode() == Opcodes.INVOKESPECIAL) {
                    if (call.name.equals("<init>")) {
                        randomConstruction(code, call);
                    }
                } else {
                    CallRules.Rule rule =
                            CallRules.match(
                                    call.owner,
                                    call.name,
                                    call.desc,
                                    call.getOpcode() == Opcodes.INVOKESTATIC,
                                    cls.hierarchy());
                    if (rule != null && CallRules.suppliesValue(rule)) {
                        replace(code, call, rule);
                    }
                }
            }
            insn = next;
        }
        return rewrites;
    }

    private int site(String operation) {
        return site(operation, null);
    }

    private int site(String operation, String subject) {
        return site(operation, subject, null);
    }

    /** A site that touches {@code field} of its object ({@link Instruction#field()}). */
    private int site(String operation, String subject, String field) {
        rewrites++;
        return Instructions.register(
                cls.className(),
                sourceMethodName,
                cls.sourceFile(),
                line,
                operation,
                subject,
                field);
    }

    /**
     * The source name of the object on top of the stack at {@code insn} when the code just loaded
     * it from a field ({@code Buffer.lock} for {@code lock.lock()} or {@code synchronized (lock)}
     * on a field {@code lock} of class {@code Buffer}), or from an accessor on such an object
     * ({@code Cache.rw.writeLock()}); else null. Locals and parameters are not used: their names
     * are roles ({@code from}, {@code first}) that name different objects on different calls. javac
     * compiles {@code synchronized (x)} as {@code load x; dup; astore tmp; monitorenter}, so a
     * {@code dup}/{@code astore} pair is looked through.
     */
    private static String subjectOf(AbstractInsnNode insn) {
        AbstractInsnNode p = previousReal(insn);
        if (p != null && p.getOpcode() == Opcodes.ASTORE) {
            AbstractInsnNode d = previousReal(p);
            if (d != null && d.getOpcode() == Opcodes.DUP) {
                p = previousReal(d);
            }
        }
        if (p instanceof FieldInsnNode f
                && (f.getOpcode() == Opcodes.GETFIELD || f.getOpcode() == Opcodes.GETSTATIC)) {
            return CallRules.memberName(f.owner, f.name);
        }
        if (p instanceof MethodInsnNode m
                && m.getOpcode() != Opcodes.INVOKESTATIC
                && m.desc.startsWith("()")) {
            String owner = subjectOf(m);
            return owner == null ? null : owner + "." + m.name + "()";
        }
        if (p instanceof InvokeDynamicInsnNode d
                && d.bsm.equals(LIBRARY_BOOTSTRAP)
                && Type.getArgumentTypes(d.desc).length == 1) {
            // a routed call without arguments (rw.writeLock()), already rewritten
            String owner = subjectOf(d);
            return owner == null ? null : owner + "." + d.name + "()";
        }
        return null;
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    static AbstractInsnNode push(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }

    private static MethodInsnNode bridge(String owner, String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name, desc, false);
    }

    // ------------------------------------------------------------------ fields

    private void field(InsnList code, FieldInsnNode f) {
        int op = f.getOpcode();
        boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
        boolean write = op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC;
        if (op == Opcodes.PUTFIELD && method.name.equals("<init>") && f.owner.equals(cls.owner())) {
            return; // may store into the uninitialized this, which cannot be passed to the bridge
        }
        if (isStatic && !cls.canLoadClassConstants()) {
            return;
        }
        int access = cls.hierarchy().fieldAccess(f.owner, f.name, f.desc);
        if (access == -1) {
            return;
        }
        boolean isVolatile = (access & Opcodes.ACC_VOLATILE) != 0;
        if (!isVolatile && !(cls.options().plainFields() && (access & Opcodes.ACC_FINAL) == 0)) {
            if ((access & Opcodes.ACC_FINAL) == 0 && !method.name.equals("<clinit>")) {
                cls.options().leftPlainField(CallRules.memberName(f.owner, f.name));
            }
            return;
        }
        // the field by its name alone: javac may name a field through a subclass, so two owners
        // can be one field (fields that shadow one another only look dependent, which is safe)
        int id =
                site(
                        (isVolatile ? "volatile " : "")
                                + (write ? "write " : "read ")
                                + CallRules.memberName(f.owner, f.name),
                        null,
                        f.name);
        String point = write ? "beforeWrite" : "beforeRead";
        InsnList pre = new InsnList();
        if (isStatic) {
            pre.add(new LdcInsnNode(Type.getObjectType(f.owner)));
        } else if (!write) {
            pre.add(new InsnNode(Opcodes.DUP));
        } else if (Type.getType(f.desc).getSize() == 1) {
            // [obj, v] -> [v, obj] -> [obj, v, obj]
            pre.add(new InsnNode(Opcodes.SWAP));
            pre.add(new InsnNode(Opcodes.DUP_X1));
        } else {
            // [obj, vv] -> [vv, obj, vv] -> [vv, obj] -> [obj, vv, obj]
            pre.add(new InsnNode(Opcodes.DUP2_X1));
            pre.add(new InsnNode(Opcodes.POP2));
            pre.add(new InsnNode(Opcodes.DUP_X2));
        }
        pre.add(push(id));
        pre.add(bridge(CallRules.SYNC_BRIDGE, point, "(Ljava/lang/Object;I)V"));
        code.insertBefore(f, pre);
    }

    // ------------------------------------------------------------------ array elements

    /**
     * An array element's read or write ({@code xALOAD}, {@code xASTORE}), with plain fields: a
     * point on the array's elements before the unchanged instruction, given the array and the
     * index. For a load, {@code dup2} copies both; for a store the value is moved below a copy of
     * them and back ({@code [a, i, v]} to {@code [a, i, v, a, i]}) by stack instructions alone, so
     * no local and no frame is needed.
     */
    private void array(InsnList code, AbstractInsnNode insn) {
        int op = insn.getOpcode();
        boolean write = ArrayAccesses.isStore(op);
        String subject = ArrayAccesses.subjectOf(insn);
        if (!cls.options().plainFields()) {
            if (subject != null) {
                cls.options().leftPlainField(subject + "[]");
            }
            return;
        }
        String named = subject != null ? subject : ArrayAccesses.arrayType(op);
        int id =
                site(
                        (write ? "array write" : "array read") + (named == null ? "" : " " + named),
                        subject,
                        Instruction.ELEMENTS);
        InsnList pre = new InsnList();
        if (!write) {
            pre.add(new InsnNode(Opcodes.DUP2));
        } else if (ArrayAccesses.valueWords(op) == 1) {
            // [a, i, v] -> [v, a, i, v] -> [v, a, i] -> [a, i, v, a, i]
            pre.add(new InsnNode(Opcodes.DUP_X2));
            pre.add(new InsnNode(Opcodes.POP));
            pre.add(new InsnNode(Opcodes.DUP2_X1));
        } else {
            // [a, i, vv] -> [vv, a, i, vv] -> [vv, a, i] -> [a, i, vv, a, i]
            pre.add(new InsnNode(Opcodes.DUP2_X2));
            pre.add(new InsnNode(Opcodes.POP2));
            pre.add(new InsnNode(Opcodes.DUP2_X2));
        }
        pre.add(push(id));
        pre.add(
                bridge(
                        CallRules.SYNC_BRIDGE,
                        write ? "beforeArrayWrite" : "beforeArrayRead",
                        "(Ljava/lang/Object;II)V"));
        code.insertBefore(insn, pre);
    }

    // ------------------------------------------------------------------ calls

    private void call(InsnList code, MethodInsnNode call) {
        int op = call.getOpcode();
        if (op == Opcodes.INVOKESPECIAL) {
            if (!call.name.equals("<init>")) {
                superCall(code, call);
            } else if (!executor(code, call)) {
                barrierConstruction(code, call);
                forkJoinPoolConstruction(code, call);
                collectionConstruction(code, call);
                linkedMapConstruction(code, call);
                completionServiceConstruction(code, call);
                publisherConstruction(code, call);
                identityConstruction(code, call);
                randomConstruction(code, call);
            }
            return;
        }
        boolean isStatic = op == Opcodes.INVOKESTATIC;
        if (!isStatic) {
            ignoredTimeout(code, call);
        }
        if (cls.options().plainFields() && arrayBulk(code, call, isStatic)) {
            return;
        }
        if (isStatic && executor(code, call)) {
            return;
        }
        if (cls.callSites() && RefCalls.isTarget(call, cls.hierarchy())) {
            bracket(code, call);
            return;
        }
        CallRules.Rule rule =
                CallRules.match(call.owner, call.name, call.desc, isStatic, cls.hierarchy());
        if (rule != null) {
            replace(code, call, rule);
            return;
        }
        if (!isStatic) {
            AtomicRules.Access access =
                    AtomicRules.classify(
                            call.owner, call.name, call.desc, cls.options().plainFields());
            if (access != null) {
                boolean receiverOnTop = call.desc.startsWith("()");
                int id =
                        site(
                                CallRules.simpleName(call.owner) + "." + call.name + "()",
                                receiverOnTop ? subjectOf(call) : null,
                                holderAccess(call, access) ? Instruction.ANY_FIELD : null);
                code.insertBefore(call, accessPoint(call, access, id));
                return;
            }
        }
        library(code, call, isStatic);
    }

    /**
     * After a JDK timed wait whose result, whether it timed out, the program drops ({@code
     * latch.await(100, MILLISECONDS);} as a statement) or stores in a local variable ({@code held =
     * gate.tryAcquire(10, MILLISECONDS);}): tells the bridge, since a failure right after it,
     * before the program read the result, is the program relying on the wait being long enough, not
     * its verdict on a timeout ({@code SafetyNets}). Reads of a stored result's variable are marked
     * by {@link #markResultReads}.
     */
    private void ignoredTimeout(InsnList code, MethodInsnNode call) {
        if (!CallRules.isTimedResult(call.owner, call.name, call.desc)) {
            return;
        }
        AbstractInsnNode next = call.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext(); // labels, line numbers, frames
        }
        if (next == null) {
            return;
        }
        if (next.getOpcode() == Opcodes.ISTORE) {
            if (resultSlots == null) {
                resultSlots = new java.util.BitSet();
            }
            resultSlots.set(((VarInsnNode) next).var);
        } else if (next.getOpcode() != Opcodes.POP) {
            return;
        }
        InsnList after = new InsnList();
        after.add(push(site(CallRules.simpleName(call.owner) + "." + call.name + "()")));
        after.add(bridge(CallRules.THREAD_BRIDGE, "timeoutIgnored", "(I)V"));
        code.insert(next, after);
    }

    /**
     * Local variables of this method that hold a timed wait's stored result ({@link
     * #ignoredTimeout}), or null for none.
     */
    private java.util.BitSet resultSlots;

    /**
     * Before every read of a variable in {@link #resultSlots} on the method's normal paths: a call
     * telling the bridge that the program can now tell whether its wait timed out. Any such read
     * counts (a test, an argument to an assertion), also one of another variable that shares its
     * slot later, which only makes a failure more likely to pass as a safety net. A read in code
     * that only an exception reaches does not: the {@code finally} block that releases what the
     * result says was taken runs after the failure was thrown ({@code held = tryAcquire(...); try {
     * use(); } finally { if (held) release(); }}).
     */
    private void markResultReads(InsnList code) {
        if (resultSlots == null) {
            return;
        }
        java.util.Set<AbstractInsnNode> normal = NormalPaths.reachable(code);
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.ILOAD
                    && resultSlots.get(((VarInsnNode) insn).var)
                    && normal.contains(insn)) {
                code.insertBefore(
                        insn, bridge(CallRules.THREAD_BRIDGE, "timeoutResultRead", "()V"));
            }
        }
    }

    /** Replaces {@code call} by its rule's bridge call, with the site as the last argument. */
    private void replace(InsnList code, MethodInsnNode call, CallRules.Rule rule) {
        boolean receiverOnTop = !rule.isStatic() && call.desc.startsWith("()");
        int id = site(rule.label(), receiverOnTop ? subjectOf(call) : null);
        code.insertBefore(call, push(id));
        code.set(call, bridge(rule.bridgeOwner(), rule.bridgeName(), rule.bridgeDesc()));
    }

    /**
     * With plain fields, a call that reads or writes many elements of an array ({@code
     * System.arraycopy}, an array's {@code clone()}, the {@code java.util.Arrays} methods of one
     * array): routed through {@code ArrayBulk}, which makes it a point on the array's elements.
     * Returns whether {@code call} was one.
     */
    private boolean arrayBulk(InsnList code, MethodInsnNode call, boolean isStatic) {
        String name = call.owner + "." + call.name;
        if (isStatic && name.equals("java/lang/System.arraycopy")) {
            InsnList sites = new InsnList();
            sites.add(push(bulkSite("System.arraycopy() from", ArrayAccesses.subjectOf(call, 4))));
            sites.add(push(bulkSite("System.arraycopy() to", ArrayAccesses.subjectOf(call, 2))));
            code.insertBefore(call, sites);
            code.set(
                    call,
                    bridge(
                            ARRAY_BULK,
                            "arraycopy",
                            "(Ljava/lang/Object;ILjava/lang/Object;IIII)V"));
            return true;
        }
        if (!isStatic
                && call.owner.startsWith("[")
                && call.name.equals("clone")
                && call.desc.equals("()Ljava/lang/Object;")) {
            code.insertBefore(call, push(bulkSite("clone() of", ArrayAccesses.subjectOf(call, 0))));
            code.set(
                    call, bridge(ARRAY_BULK, "cloneOf", "(Ljava/lang/Object;I)Ljava/lang/Object;"));
            return true;
        }
        int write = ArrayAccesses.bulkKind(call.owner, call.name, call.desc);
        if (!isStatic || write < 0 || cls.majorVersion() < Opcodes.V1_7) {
            return false;
        }
        int above = (Type.getArgumentsAndReturnSizes(call.desc) >> 2) - 2; // words after the array
        int id = bulkSite("Arrays." + call.name + "() on", ArrayAccesses.subjectOf(call, above));
        code.set(
                call,
                new InvokeDynamicInsnNode(
                        call.name,
                        call.desc,
                        ARRAY_BULK_BOOTSTRAP,
                        Type.getObjectType(call.owner),
                        id,
                        write));
        return true;
    }

    /** A site of {@link #arrayBulk} on the elements of the array named {@code subject}. */
    private int bulkSite(String operation, String subject) {
        return site(operation, subject, Instruction.ELEMENTS);
    }

    private static final String ARRAY_BULK = "io/refguard/agent/bridge/ArrayBulk";

    private static final org.objectweb.asm.Handle ARRAY_BULK_BOOTSTRAP =
            new org.objectweb.asm.Handle(
                    Opcodes.H_INVOKESTATIC,
                    ARRAY_BULK,
                    "bootstrap",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;II)"
                            + "Ljava/lang/invoke/CallSite;",
                    false);

    /**
     * Routes a call on a JDK library object through {@code LibraryBridge} with an {@code
     * invokedynamic} of the same name whose type is the call's, receiver first: the bootstrap binds
     * it to the original method, guarded so that with no exploration running the call costs one
     * check on top of the original (see {@link LibraryRules}).
     */
    private void library(InsnList code, MethodInsnNode call, boolean isStatic) {
        if (cls.majorVersion() < Opcodes.V1_7) {
            return;
        }
        boolean target =
                isStatic
                        ? LibraryRules.isStaticTarget(
                                call.owner, call.name, call.desc, cls.hierarchy())
                        : LibraryRules.isInstanceTarget(
                                call.owner, call.name, call.desc, cls.hierarchy());
        if (!target) {
            return;
        }
        boolean receiverOnTop = !isStatic && call.desc.startsWith("()");
        String owner = LibraryRules.labelOwner(call.owner, call.name, call.desc, cls.hierarchy());
        int id =
                site(
                        CallRules.simpleName(owner) + "." + call.name + "()",
                        receiverOnTop ? subjectOf(call) : null);
        String desc = isStatic ? call.desc : "(L" + call.owner + ";" + call.desc.substring(1);
        int kind = isStatic ? 1 : call.itf ? 2 : 0;
        code.set(
                call,
                new InvokeDynamicInsnNode(
                        call.name,
                        desc,
                        LIBRARY_BOOTSTRAP,
                        Type.getObjectType(call.owner),
                        id,
                        kind));
    }

    /**
     * Routes {@code super.execute(task)} (and the other methods of {@link
     * LibraryRules#isSuperTarget}) in the program's subclass of a JDK pool through {@code
     * LibraryBridge} as {@link #library} routes calls, so that the pool's model runs it; the
     * bootstrap binds the original to the superclass's method, as {@code invokespecial} does.
     */
    private void superCall(InsnList code, MethodInsnNode call) {
        String superLock = SUPER_LOCKS.get(call.name + call.desc);
        if (superLock != null
                && cls.hierarchy().reachesReentrantLock(call.owner, call.name + call.desc)) {
            // ReentrantLock's own method, on the model, not the program's override again; also
            // through a class of the program between them that does not override it
            int id = site("ReentrantLock." + call.name + "()", null);
            code.insertBefore(call, push(id));
            code.set(
                    call,
                    bridge(
                            CallRules.LOCK_BRIDGE,
                            superLock,
                            "(L"
                                    + REENTRANT_LOCK
                                    + ";"
                                    + call.desc.substring(1, call.desc.indexOf(')'))
                                    + "I"
                                    + call.desc.substring(call.desc.indexOf(')'))));
            rewrites++;
            return;
        }
        if (cls.majorVersion() < Opcodes.V1_7
                || !LibraryRules.isSuperTarget(call.owner, call.name, call.desc, cls.hierarchy())) {
            return;
        }
        int id = site(CallRules.simpleName(call.owner) + "." + call.name + "()", null);
        code.set(
                call,
                new InvokeDynamicInsnNode(
                        call.name,
                        "(L" + cls.owner() + ";" + call.desc.substring(1),
                        LIBRARY_BOOTSTRAP,
                        Type.getObjectType(call.owner),
                        id,
                        3));
    }

    private static final String REENTRANT_LOCK = "java/util/concurrent/locks/ReentrantLock";

    /**
     * The calls through {@code super} of a {@code ReentrantLock} subclass that reach the model, by
     * name and descriptor: the bridge method of each ({@code LockBridge}).
     */
    static final java.util.Map<String, String> SUPER_LOCKS =
            java.util.Map.of(
                    "lock()V", "superLock",
                    "lockInterruptibly()V", "superLockInterruptibly",
                    "tryLock()Z", "superTryLock",
                    "tryLock(JLjava/util/concurrent/TimeUnit;)Z", "superTryLock",
                    "unlock()V", "superUnlock");

    private static final org.objectweb.asm.Handle LIBRARY_BOOTSTRAP =
            new org.objectweb.asm.Handle(
                    Opcodes.H_INVOKESTATIC,
                    LibraryRules.BRIDGE,
                    "bootstrap",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;II)"
                            + "Ljava/lang/invoke/CallSite;",
                    false);

    /**
     * After {@code new HashMap<>()} and the other JDK collections that are not thread-safe: tells
     * the explorer which thread built it (see {@code SharedCollections}).
     */
    private void collectionConstruction(InsnList code, MethodInsnNode call) {
        if (!LibraryBridge.isUnsynchronizedCollection(call.owner.replace('/', '.'))
                || method.name.equals("<init>") && call.owner.equals(cls.superName())) {
            return;
        }
        InsnList post = new InsnList();
        post.add(new InsnNode(Opcodes.DUP));
        post.add(bridge(LibraryRules.BRIDGE, "collectionCreated", "(Ljava/lang/Object;)V"));
        code.insert(call, post);
        rewrites++;
    }

    /**
     * {@code new T(...)} of a class that hashes by identity: the new object goes to {@code
     * SyncBridge.created}, which gives it the run's identity hash ({@code bridge.HeaderHashes}). A
     * constructor's {@code super(...)} or {@code this(...)} call is no creation; a {@code new} of
     * the class itself or of its superclass inside a constructor is passed over with it, which at
     * worst leaves that object the JVM's hash.
     */
    private void identityConstruction(InsnList code, MethodInsnNode call) {
        if (method.name.equals("<init>")
                        && (call.owner.equals(cls.owner()) || call.owner.equals(cls.superName()))
                || !cls.hierarchy().inheritsIdentityHash(call.owner)) {
            return;
        }
        handCreated(code, call);
    }

    /**
     * {@code new Random()} seeds itself from a JVM-wide sequence and the clock: the seed comes from
     * {@code RandomBridge.seed} instead ({@code new Random(seed)}), which draws it from the
     * thread's generator under exploration. A subclass's {@code super()} stays as written: {@code
     * Random(long)} calls the subclass's {@code setSeed} before its fields are set.
     */
    private void randomConstruction(InsnList code, MethodInsnNode call) {
        if (!call.owner.equals("java/util/Random")
                || !call.desc.equals("()V")
                || method.name.equals("<init>") && call.owner.equals(cls.superName())) {
            return;
        }
        InsnList pre = new InsnList();
        pre.add(push(site("new Random()")));
        pre.add(bridge(CallRules.RANDOM_BRIDGE, "seed", "(I)J"));
        code.insertBefore(call, pre);
        call.desc = "(J)V";
    }

    /**
     * A lambda or method reference that captures values is a new object at every evaluation, of a
     * class the JVM spins and refguard never sees: it goes to {@code SyncBridge.created} as a
     * {@code new} does. One that captures nothing is the same object every time.
     */
    private void capturingLambda(InsnList code, InvokeDynamicInsnNode indy) {
        if (!indy.bsm.getOwner().equals(MethodRefs.METAFACTORY_OWNER)
                || indy.desc.startsWith("()")) {
            return;
        }
        handCreated(code, indy);
    }

    /** After {@code creation}, which leaves a new object on the stack: hands it to the bridge. */
    private void handCreated(InsnList code, AbstractInsnNode creation) {
        InsnList post = new InsnList();
        post.add(new InsnNode(Opcodes.DUP));
        post.add(bridge(CallRules.SYNC_BRIDGE, "created", "(Ljava/lang/Object;)V"));
        code.insert(creation, post);
        cls.noteCreation();
    }

    /**
     * {@code new ExecutorCompletionService(executor[, queue])}: the executor is private to the
     * service, so the bridge may swap it, right before the constructor, for the model of a JDK pool
     * ({@code LibraryBridge.completionExecutor}); with a queue argument the executor is second from
     * the top of the stack, and two swaps reach it.
     */
    private void completionServiceConstruction(InsnList code, MethodInsnNode call) {
        boolean withQueue =
                call.desc.equals(
                        "(Ljava/util/concurrent/Executor;Ljava/util/concurrent/BlockingQueue;)V");
        if (!call.owner.equals("java/util/concurrent/ExecutorCompletionService")
                || !withQueue && !call.desc.equals("(Ljava/util/concurrent/Executor;)V")
                || method.name.equals("<init>") && call.owner.equals(cls.superName())) {
            return;
        }
        InsnList pre = new InsnList();
        if (withQueue) {
            pre.add(new InsnNode(Opcodes.SWAP));
        }
        pre.add(push(site("new ExecutorCompletionService()")));
        pre.add(
                bridge(
                        LibraryRules.BRIDGE,
                        "completionExecutor",
                        "(Ljava/util/concurrent/Executor;I)Ljava/util/concurrent/Executor;"));
        if (withQueue) {
            pre.add(new InsnNode(Opcodes.SWAP));
        }
        code.insertBefore(call, pre);
        rewrites++;
    }

    /**
     * {@code new SubmissionPublisher(...)}: the executor is private to the publisher, and the JDK's
     * code hands it the work of delivering items. The executor argument is passed through {@code
     * LibraryBridge.completionExecutor} first, as for a completion service, and the constructor
     * without one gets one from {@code LibraryBridge.publisherExecutor}: the JDK's own default when
     * nothing intercepts, the model of the common pool under exploration.
     */
    private void publisherConstruction(InsnList code, MethodInsnNode call) {
        if (!call.owner.equals("java/util/concurrent/SubmissionPublisher")) {
            return;
        }
        String executor = "Ljava/util/concurrent/Executor;";
        InsnList pre = new InsnList();
        switch (call.desc) {
            case "()V" -> {
                pre.add(push(site("new SubmissionPublisher()")));
                pre.add(
                        bridge(
                                LibraryRules.BRIDGE,
                                "publisherExecutor",
                                "(I)Ljava/util/concurrent/Executor;"));
                pre.add(
                        new MethodInsnNode(
                                Opcodes.INVOKESTATIC,
                                "java/util/concurrent/Flow",
                                "defaultBufferSize",
                                "()I",
                                false));
                call.desc = "(" + executor + "I)V";
            }
            case "(Ljava/util/concurrent/Executor;I)V" -> {
                pre.add(new InsnNode(Opcodes.SWAP));
                pre.add(wrappedExecutor());
                pre.add(new InsnNode(Opcodes.SWAP));
            }
            case "(Ljava/util/concurrent/Executor;ILjava/util/function/BiConsumer;)V" -> {
                // executor, capacity, handler: bring the executor up, wrap it, put it back
                pre.add(new InsnNode(Opcodes.DUP2_X1));
                pre.add(new InsnNode(Opcodes.POP2));
                pre.add(wrappedExecutor());
                pre.add(new InsnNode(Opcodes.DUP_X2));
                pre.add(new InsnNode(Opcodes.POP));
            }
            default -> {
                return;
            }
        }
        code.insertBefore(call, pre);
        rewrites++;
    }

    /**
     * The executor on top of the stack, passed through {@code LibraryBridge.completionExecutor}.
     */
    private InsnList wrappedExecutor() {
        InsnList l = new InsnList();
        l.add(push(site("new SubmissionPublisher()")));
        l.add(
                bridge(
                        LibraryRules.BRIDGE,
                        "completionExecutor",
                        "(Ljava/util/concurrent/Executor;I)Ljava/util/concurrent/Executor;"));
        return l;
    }

    /**
     * {@code new CyclicBarrier(parties, action)}: the action is private to the barrier, so the
     * bridge is told it right after construction, for the explorer's model of the barrier.
     * Straight-line code around the constructor call: the action is kept in a scratch local that no
     * branch sees, and the new barrier, left on the stack by {@code new; dup}, is duplicated for
     * the bridge.
     */
    private void barrierConstruction(InsnList code, MethodInsnNode call) {
        if (!call.owner.equals("java/util/concurrent/CyclicBarrier")
                || !call.desc.equals("(ILjava/lang/Runnable;)V")
                || method.name.equals("<init>") && call.owner.equals(cls.superName())) {
            return;
        }
        int slot = scratchBase();
        method.maxLocals = Math.max(method.maxLocals, slot + 1);
        InsnList pre = new InsnList();
        pre.add(new InsnNode(Opcodes.DUP));
        pre.add(new VarInsnNode(Opcodes.ASTORE, slot));
        code.insertBefore(call, pre);
        InsnList post = new InsnList();
        post.add(new InsnNode(Opcodes.DUP));
        post.add(new VarInsnNode(Opcodes.ALOAD, slot));
        post.add(
                bridge(
                        LibraryRules.BRIDGE,
                        "barrierCreated",
                        "(Ljava/lang/Object;Ljava/lang/Runnable;)V"));
        code.insert(call, post);
        rewrites++;
    }

    /**
     * {@code new ForkJoinPool(parallelism, ...)}, also as the {@code super(...)} of a program's
     * subclass: tells the bridge that the program chose the pool's parallelism, which the model
     * then keeps ({@code ForkJoinModels}). {@code new ForkJoinPool()} takes the machine's, which
     * the model does not follow.
     */
    private void forkJoinPoolConstruction(InsnList code, MethodInsnNode call) {
        if (!call.owner.equals("java/util/concurrent/ForkJoinPool")
                || !call.desc.startsWith("(I")) {
            return;
        }
        boolean superCall = method.name.equals("<init>") && call.owner.equals(cls.superName());
        InsnList post = new InsnList();
        post.add(superCall ? new VarInsnNode(Opcodes.ALOAD, 0) : new InsnNode(Opcodes.DUP));
        post.add(bridge(LibraryRules.BRIDGE, "forkJoinPoolSized", "(Ljava/lang/Object;)V"));
        code.insert(call, post);
        rewrites++;
    }

    /**
     * {@code new LinkedHashMap(capacity, loadFactor, accessOrder)}, also as the {@code super(...)}
     * of a program's subclass (the usual LRU cache): in access order, {@code get} moves the entry
     * it finds to the end, a change of the map and not a read, which the JDK keeps private. The
     * flag is kept in a scratch local across the constructor call and handed to the bridge with the
     * new map: the one {@code new; dup} left on the stack, or {@code this} after a super call.
     */
    private void linkedMapConstruction(InsnList code, MethodInsnNode call) {
        if (!call.owner.equals("java/util/LinkedHashMap") || !call.desc.equals("(IFZ)V")) {
            return;
        }
        boolean superCall = method.name.equals("<init>") && call.owner.equals(cls.superName());
        int slot = scratchBase();
        method.maxLocals = Math.max(method.maxLocals, slot + 1);
        InsnList pre = new InsnList();
        pre.add(new InsnNode(Opcodes.DUP));
        pre.add(new VarInsnNode(Opcodes.ISTORE, slot));
        code.insertBefore(call, pre);
        InsnList post = new InsnList();
        post.add(superCall ? new VarInsnNode(Opcodes.ALOAD, 0) : new InsnNode(Opcodes.DUP));
        post.add(new VarInsnNode(Opcodes.ILOAD, slot));
        post.add(bridge(LibraryRules.BRIDGE, "linkedMapCreated", "(Ljava/lang/Object;Z)V"));
        code.insert(call, post);
        rewrites++;
    }

    /**
     * Brackets a call into refguard's reference API: {@code CallSites.enter(id)} right before it,
     * its slot kept in a scratch local, and {@code CallSites.exit(slot)} right after it, so the
     * checker takes the call's site from the agent's table instead of walking the stack, and the
     * thread's slot is looked up once per call. Neither touches the operand stack below the pushed
     * id, and no branch is added, so every frame stays valid (the scratch local lives only in this
     * straight-line code). The exit runs on normal return only: a call that throws leaves its id
     * behind until the thread's next bracket (see {@code CallSites}).
     */
    private void bracket(InsnList code, MethodInsnNode call) {
        int id = CallSiteSupply.callSiteId(site(RefCalls.label(call)));
        int slot = scratchBase();
        method.maxLocals = Math.max(method.maxLocals, slot + 1);
        InsnList enter = new InsnList();
        enter.add(push(id));
        enter.add(bridge(RefCalls.CALL_SITES, "enter", "(I)" + RefCalls.SLOT));
        enter.add(new VarInsnNode(Opcodes.ASTORE, slot));
        code.insertBefore(call, enter);
        InsnList exit = new InsnList();
        exit.add(new VarInsnNode(Opcodes.ALOAD, slot));
        exit.add(bridge(RefCalls.CALL_SITES, "exit", "(" + RefCalls.SLOT + ")V"));
        code.insert(call, exit);
    }

    /**
     * Whether the access point of {@code call} reports a field's holder (a field updater's first
     * argument, a {@code VarHandle}'s first coordinate, an {@code Unsafe} access's base object),
     * rather than the atomic object itself.
     */
    private static boolean holderAccess(MethodInsnNode call, AtomicRules.Access access) {
        Type[] args = Type.getArgumentTypes(call.desc);
        return switch (access.target()) {
            case RECEIVER, ARRAY_SLOT -> false;
            case FIRST_ARGUMENT, UNSAFE_BASE, UNSAFE_PLAIN, VAR_HANDLE_ELEMENT -> true;
            case UNSAFE_ADDRESS -> false;
            case VAR_HANDLE ->
                    args.length - AtomicRules.varHandleValueCount(call.name) >= 1
                            && (args[0].getSort() == Type.OBJECT
                                    || args[0].getSort() == Type.ARRAY);
        };
    }

    /**
     * The code that reports an atomic, field-updater, {@code VarHandle} or {@code Unsafe} access
     * before {@code call}, inline, so that the report's stack frame is the caller's own line: the
     * operands above the receiver go to scratch locals past the method's own, the target is passed
     * to the bridge, and the operands are reloaded. Straight-line code that no branch enters, so
     * the scratch locals need no stack map frame. An {@code Unsafe} access goes to the bridge's
     * {@code beforeUnsafe*} points, which skip a null base (an absolute address).
     */
    private InsnList accessPoint(MethodInsnNode call, AtomicRules.Access access, int id) {
        Type[] args = Type.getArgumentTypes(call.desc);
        int[] slots = new int[args.length];
        int next = scratchBase();
        for (int k = 0; k < args.length; k++) {
            slots[k] = next;
            next += args[k].getSize();
        }
        method.maxLocals = Math.max(method.maxLocals, next);
        InsnList pre = new InsnList();
        for (int k = args.length - 1; k >= 0; k--) {
            pre.add(new VarInsnNode(args[k].getOpcode(Opcodes.ISTORE), slots[k]));
        }
        AtomicRules.Target target = access.target();
        if (target == AtomicRules.Target.UNSAFE_ADDRESS) {
            pre.add(new InsnNode(Opcodes.ACONST_NULL)); // no object: the bridge's native memory
        } else {
            pre.add(
                    holderAccess(call, access)
                            ? new VarInsnNode(Opcodes.ALOAD, slots[0])
                            : new InsnNode(Opcodes.DUP));
        }
        boolean slot =
                target == AtomicRules.Target.ARRAY_SLOT
                        || target == AtomicRules.Target.VAR_HANDLE_ELEMENT;
        if (slot) { // the index
            pre.add(
                    new VarInsnNode(
                            Opcodes.ILOAD, slots[target == AtomicRules.Target.ARRAY_SLOT ? 0 : 1]));
        }
        pre.add(push(id));
        String point =
                switch (target) {
                            case UNSAFE_BASE -> "beforeUnsafe";
                            case UNSAFE_PLAIN, UNSAFE_ADDRESS -> "beforeUnsafePlain";
                            case ARRAY_SLOT, VAR_HANDLE_ELEMENT -> "beforeSlot";
                            default -> "before";
                        }
                        + switch (access.kind()) {
                            case READ -> "Read";
                            case WRITE -> "Write";
                            case UPDATE -> "Update";
                        };
        pre.add(
                bridge(
                        CallRules.SYNC_BRIDGE,
                        point,
                        slot ? "(Ljava/lang/Object;II)V" : "(Ljava/lang/Object;I)V"));
        for (int k = 0; k < args.length; k++) {
            pre.add(new VarInsnNode(args[k].getOpcode(Opcodes.ILOAD), slots[k]));
        }
        return pre;
    }

    /** The first local slot past those the method declares: scratch space for operands. */
    private int scratchBase() {
        if (scratchBase < 0) {
            scratchBase = method.maxLocals;
        }
        return scratchBase;
    }

    private boolean executor(InsnList code, MethodInsnNode call) {
        if (call.getOpcode() == Opcodes.INVOKESTATIC
                && ExecutorRules.replacesExecutor(call.owner, call.name, call.desc)) {
            int id = site("Executors." + call.name + "()");
            code.insertBefore(call, push(id));
            code.set(
                    call,
                    bridge(
                            CallRules.THREAD_BRIDGE,
                            call.name,
                            call.desc.substring(0, call.desc.indexOf(')'))
                                    + "I"
                                    + call.desc.substring(call.desc.indexOf(')'))));
            return true;
        }
        ExecutorRules.Rewrite rw = ExecutorRules.match(call.owner, call.name, call.desc);
        if (rw == null) {
            return false;
        }
        String what =
                call.name.equals("<init>")
                        ? "new " + CallRules.simpleName(call.owner) + "()"
                        : "Executors." + call.name + "()";
        int id = site(what);
        InsnList pre = new InsnList();
        if (rw.beforeLast() && !rw.insert()) {
            pre.add(new InsnNode(Opcodes.SWAP)); // [.., tf, handler] -> [.., handler, tf]
        }
        pre.add(push(id));
        if (rw.insert()) {
            pre.add(
                    bridge(
                            CallRules.THREAD_BRIDGE,
                            "defaultThreadFactory",
                            "(I)" + ExecutorRules.TF));
        } else {
            pre.add(
                    bridge(
                            CallRules.THREAD_BRIDGE,
                            "threadFactory",
                            "(" + ExecutorRules.TF + "I)" + ExecutorRules.TF));
        }
        if (rw.beforeLast()) {
            pre.add(new InsnNode(Opcodes.SWAP)); // [.., handler, tf] -> [.., tf, handler]
        }
        code.insertBefore(call, pre);
        call.desc = rw.newDesc();
        return true;
    }

    // ------------------------------------------------------------------ monitors

    private void monitor(InsnList code, AbstractInsnNode insn) {
        boolean enter = insn.getOpcode() == Opcodes.MONITORENTER;
        switch (monitors) {
            case REAL -> {}
            case MODELED -> {
                int id =
                        site(
                                enter ? "monitor enter" : "monitor exit",
                                enter ? subjectOf(insn) : null);
                code.insertBefore(insn, push(id));
                code.set(
                        insn,
                        bridge(
                                CallRules.SYNC_BRIDGE,
                                enter ? "monitorEnter" : "monitorExit",
                                "(Ljava/lang/Object;I)V"));
            }
            case TOKEN -> {
                int id =
                        site(
                                enter ? "monitor enter" : "monitor exit",
                                enter ? subjectOf(insn) : null);
                InsnList pre = new InsnList();
                pre.add(push(id));
                pre.add(
                        bridge(
                                CallRules.SYNC_BRIDGE,
                                enter ? "enterTarget" : "exitTarget",
                                "(Ljava/lang/Object;I)Ljava/lang/Object;"));
                code.insertBefore(insn, pre);
            }
        }
    }
}
