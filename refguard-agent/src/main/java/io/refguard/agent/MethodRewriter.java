package io.refguard.agent;

import io.refguard.agent.bridge.Sites;
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

/**
 * Rewrites the instructions of one method so that its synchronization operations go through the
 * bridge, registering one {@link Sites site} per rewritten instruction.
 *
 * <p>Invariant: every inserted sequence is straight-line code that leaves the operand stack as
 * the original instruction expects it, so the method's existing stack map frames stay valid and
 * nothing has to be recomputed (no {@code COMPUTE_FRAMES}, no class loading). Only the maximum
 * stack size grows, which the class writer recomputes.
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

    /**
     * @param sourceMethodName the name reported in sites (the original name, for a copy)
     */
    MethodRewriter(ClassContext cls, MethodNode method, Monitors monitors,
            String sourceMethodName) {
        this(cls, method, monitors, sourceMethodName, -1);
    }

    /**
     * @param line the line to report until the method's own line numbers say otherwise (for a
     *     generated helper, which has none: the line of the code it stands for)
     */
    MethodRewriter(ClassContext cls, MethodNode method, Monitors monitors,
            String sourceMethodName, int line) {
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
            } else if (insn.getOpcode() == Opcodes.MONITORENTER
                    || insn.getOpcode() == Opcodes.MONITOREXIT) {
                monitor(code, insn);
            }
            insn = next;
        }
        return rewrites;
    }

    private int site(String operation) {
        rewrites++;
        return Sites.register(
                cls.className(), sourceMethodName, cls.sourceFile(), line, operation);
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
            return;
        }
        int id = site((isVolatile ? "volatile " : "") + (write ? "write " : "read ")
                + CallRules.simpleName(f.owner) + "." + f.name);
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

    // ------------------------------------------------------------------ calls

    private void call(InsnList code, MethodInsnNode call) {
        int op = call.getOpcode();
        if (op == Opcodes.INVOKESPECIAL) {
            if (call.name.equals("<init>")) {
                executor(code, call);
            }
            return;
        }
        boolean isStatic = op == Opcodes.INVOKESTATIC;
        if (isStatic && executor(code, call)) {
            return;
        }
        CallRules.Rule rule =
                CallRules.match(call.owner, call.name, call.desc, isStatic, cls.hierarchy());
        if (rule != null) {
            int id = site(rule.label());
            code.insertBefore(call, push(id));
            code.set(call, bridge(rule.bridgeOwner(), rule.bridgeName(), rule.bridgeDesc()));
            return;
        }
        if (!isStatic) {
            AtomicRules.Access access = AtomicRules.classify(call.owner, call.name, call.desc);
            if (access != null) {
                int id = site(CallRules.simpleName(call.owner) + "." + call.name + "()");
                code.insertBefore(call, push(id));
                code.set(call, cls.atomicHelpers().replacement(call, access));
            }
        }
    }

    private boolean executor(InsnList code, MethodInsnNode call) {
        ExecutorRules.Rewrite rw = ExecutorRules.match(call.owner, call.name, call.desc);
        if (rw == null) {
            return false;
        }
        String what = call.name.equals("<init>")
                ? "new " + CallRules.simpleName(call.owner) + "()"
                : "Executors." + call.name + "()";
        int id = site(what);
        InsnList pre = new InsnList();
        if (rw.beforeLast() && !rw.insert()) {
            pre.add(new InsnNode(Opcodes.SWAP)); // [.., tf, handler] -> [.., handler, tf]
        }
        pre.add(push(id));
        if (rw.insert()) {
            pre.add(bridge(CallRules.THREAD_BRIDGE, "defaultThreadFactory",
                    "(I)" + ExecutorRules.TF));
        } else {
            pre.add(bridge(CallRules.THREAD_BRIDGE, "threadFactory",
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
            case REAL -> { }
            case MODELED -> {
                int id = site(enter ? "monitor enter" : "monitor exit");
                code.insertBefore(insn, push(id));
                code.set(insn, bridge(CallRules.SYNC_BRIDGE, enter ? "monitorEnter" : "monitorExit",
                        "(Ljava/lang/Object;I)V"));
            }
            case TOKEN -> {
                int id = site(enter ? "monitor enter" : "monitor exit");
                InsnList pre = new InsnList();
                pre.add(push(id));
                pre.add(bridge(CallRules.SYNC_BRIDGE, enter ? "enterTarget" : "exitTarget",
                        "(Ljava/lang/Object;I)Ljava/lang/Object;"));
                code.insertBefore(insn, pre);
            }
        }
    }
}
