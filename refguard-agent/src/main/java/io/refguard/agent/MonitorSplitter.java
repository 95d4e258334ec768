package io.refguard.agent;

import io.refguard.agent.bridge.Instructions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Splits a method that uses monitors into a dispatcher and two private copies.
 *
 * <p>Why: a managed thread must not take real monitors (see {@code SyncInterceptor}), yet an
 * unmanaged thread must run the original {@code monitorenter}/{@code monitorexit}. Choosing between
 * them per instruction would leave monitor enters and exits that HotSpot cannot pair, and HotSpot
 * never JIT-compiles a method with unpaired monitors, so every instrumented {@code synchronized}
 * method would stay interpreted forever. Instead the choice is made once per call:
 *
 * <pre>
 *   m(args)            { return SyncBridge.modelsMonitors() ? m$refguard$modeled(args)
 *                                                          : m$refguard$real(args); }
 *   m$refguard$real    the original body and flags (including ACC_SYNCHRONIZED)
 *   m$refguard$modeled the body with monitor instructions replaced by bridge calls and, for a
 *                      synchronized method, an explicit enter, exits before every return and a
 *                      catch-all handler that exits and rethrows
 * </pre>
 *
 * Both copies have balanced (or no) monitors and stay compilable; the dispatcher is trivially
 * inlined. The copies keep the original code's stack map frames: only the dispatcher's second path
 * and the catch-all handler are new branch targets, and their frames are written here.
 */
final class MonitorSplitter {

    static final String REAL_SUFFIX = "$refguard$real";
    static final String MODELED_SUFFIX = "$refguard$modeled";

    private MonitorSplitter() {}

    static boolean isSynchronized(MethodNode m) {
        return (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
    }

    static boolean isStatic(MethodNode m) {
        return (m.access & Opcodes.ACC_STATIC) != 0;
    }

    /** Whether {@code m} is synchronized or contains a {@code synchronized} block. */
    static boolean hasMonitors(MethodNode m) {
        if (isSynchronized(m)) {
            return true;
        }
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() == Opcodes.MONITORENTER) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code m} can be split: not a constructor or initializer (their body cannot move into
     * another method), private methods allowed in its class (interfaces need Java 9), and, for a
     * synchronized method, a lock object that stays reachable in the handler ({@code this} never
     * overwritten; a class constant loadable).
     */
    static boolean canSplit(ClassContext cls, MethodNode m) {
        if (m.name.startsWith("<")) {
            return false;
        }
        if (cls.isInterface() && cls.majorVersion() < Opcodes.V9) {
            return false;
        }
        if (isSynchronized(m)) {
            if (isStatic(m)) {
                return cls.canLoadClassConstants();
            }
            for (AbstractInsnNode insn : m.instructions) {
                if (insn.getOpcode() == Opcodes.ASTORE && ((VarInsnNode) insn).var == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Turns {@code m} into the dispatcher and returns its real and modeled copies, in that order,
     * to be rewritten and added to the class.
     */
    static List<MethodNode> split(ClassContext cls, MethodNode m) {
        int copyAccess =
                (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_STRICT))
                        | Opcodes.ACC_PRIVATE
                        | Opcodes.ACC_SYNTHETIC;
        MethodNode real =
                copy(m, m.name + REAL_SUFFIX, copyAccess | (m.access & Opcodes.ACC_SYNCHRONIZED));
        MethodNode modeled = copy(m, m.name + MODELED_SUFFIX, copyAccess);
        int line = firstLine(m);
        if (isSynchronized(m)) {
            wrapSynchronized(cls, modeled, m.name, line);
        }
        becomeDispatcher(cls, m, real, modeled, line);
        return List.of(real, modeled);
    }

    private static MethodNode copy(MethodNode m, String name, int access) {
        MethodNode c =
                new MethodNode(
                        Opcodes.ASM9,
                        access,
                        name,
                        m.desc,
                        m.signature,
                        m.exceptions.toArray(new String[0]));
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LabelNode label) {
                labels.put(label, new LabelNode());
            }
        }
        for (AbstractInsnNode insn : m.instructions) {
            c.instructions.add(insn.clone(labels));
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            c.tryCatchBlocks.add(
                    new TryCatchBlockNode(
                            labels.get(t.start), labels.get(t.end), labels.get(t.handler), t.type));
        }
        if (m.localVariables != null) {
            for (LocalVariableNode v : m.localVariables) {
                c.localVariables.add(
                        new LocalVariableNode(
                                v.name,
                                v.desc,
                                v.signature,
                                labels.get(v.start),
                                labels.get(v.end),
                                v.index));
            }
        }
        c.maxStack = m.maxStack;
        c.maxLocals = m.maxLocals;
        return c;
    }

    private static int firstLine(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        return -1;
    }

    private static void loadLockObject(ClassContext cls, MethodNode m, InsnList code) {
        if (isStatic(m)) {
            code.add(new LdcInsnNode(Type.getObjectType(cls.owner())));
        } else {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        }
    }

    private static InsnList monitorCall(ClassContext cls, MethodNode m, int site, String what) {
        InsnList code = new InsnList();
        loadLockObject(cls, m, code);
        code.add(MethodRewriter.push(site));
        code.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        CallRules.SYNC_BRIDGE,
                        what,
                        "(Ljava/lang/Object;I)V",
                        false));
        return code;
    }

    /**
     * Makes the method-level monitor of a synchronized method explicit in its modeled copy, with
     * the semantics of {@code ACC_SYNCHRONIZED} (JVMS 2.11.10): entered before the body, exited on
     * every normal return and on every exception leaving the method.
     */
    private static void wrapSynchronized(
            ClassContext cls, MethodNode modeled, String sourceName, int line) {
        int enter =
                Instructions.register(
                        cls.className(),
                        sourceName,
                        cls.sourceFile(),
                        line,
                        "monitor enter (synchronized method)");
        int exit =
                Instructions.register(
                        cls.className(),
                        sourceName,
                        cls.sourceFile(),
                        line,
                        "monitor exit (synchronized method)");
        InsnList code = modeled.instructions;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();

        InsnList prologue = new InsnList();
        if (line >= 0) {
            // the entry is reported at the method's first line, not at an unknown one
            LabelNode at = new LabelNode();
            prologue.add(at);
            prologue.add(new LineNumberNode(line, at));
        }
        prologue.add(monitorCall(cls, modeled, enter, "monitorEnter"));
        prologue.add(start);
        code.insert(prologue);
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                code.insertBefore(insn, monitorCall(cls, modeled, exit, "monitorExit"));
            }
        }
        code.add(end);
        code.add(handler);
        if (cls.needsFrames()) {
            Object[] locals = isStatic(modeled) ? new Object[0] : new Object[] {cls.owner()};
            code.add(
                    new FrameNode(
                            Opcodes.F_FULL,
                            locals.length,
                            locals,
                            1,
                            new Object[] {"java/lang/Throwable"}));
        }
        code.add(monitorCall(cls, modeled, exit, "monitorExit"));
        code.add(new InsnNode(Opcodes.ATHROW));
        modeled.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    private static void becomeDispatcher(
            ClassContext cls, MethodNode m, MethodNode real, MethodNode modeled, int line) {
        m.access &= ~Opcodes.ACC_SYNCHRONIZED;
        m.instructions = new InsnList();
        m.tryCatchBlocks = new java.util.ArrayList<>();
        m.localVariables = null;
        m.visibleLocalVariableAnnotations = null;
        m.invisibleLocalVariableAnnotations = null;
        m.visibleTypeAnnotations = null;
        m.invisibleTypeAnnotations = null;

        InsnList code = m.instructions;
        LabelNode start = new LabelNode();
        LabelNode toReal = new LabelNode();
        code.add(start);
        if (line >= 0) {
            code.add(new LineNumberNode(line, start));
        }
        code.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        CallRules.SYNC_BRIDGE,
                        "modelsMonitors",
                        "()Z",
                        false));
        code.add(new JumpInsnNode(Opcodes.IFEQ, toReal));
        forward(cls, m, modeled, code);
        code.add(toReal);
        if (cls.needsFrames()) {
            code.add(new FrameNode(Opcodes.F_SAME, 0, null, 0, null));
        }
        forward(cls, m, real, code);
    }

    /** Loads every argument, calls {@code target} with them and returns its result. */
    private static void forward(ClassContext cls, MethodNode m, MethodNode target, InsnList code) {
        int slot = 0;
        if (!isStatic(m)) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            slot = 1;
        }
        for (Type arg : Type.getArgumentTypes(m.desc)) {
            code.add(new VarInsnNode(arg.getOpcode(Opcodes.ILOAD), slot));
            slot += arg.getSize();
        }
        code.add(
                new MethodInsnNode(
                        isStatic(m) ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL,
                        cls.owner(),
                        target.name,
                        target.desc,
                        cls.isInterface()));
        code.add(new InsnNode(Type.getReturnType(m.desc).getOpcode(Opcodes.IRETURN)));
    }
}
