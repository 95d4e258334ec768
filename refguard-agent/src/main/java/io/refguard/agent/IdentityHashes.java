package io.refguard.agent;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Deterministic identity hashes for instrumented classes that inherit {@code Object.hashCode()}.
 *
 * <p>The JVM's identity hash differs from run to run, so a {@code HashMap} or {@code HashSet} keyed
 * by such objects iterates in a different order in every run of the same schedule, and a failure
 * found once may not replay. The JDK's hash tables call {@code key.hashCode()}, which no call-site
 * rewrite in the program can reach; so a class whose direct superclass is {@code Object} and which
 * declares no {@code hashCode()} gets one:
 *
 * <pre>{@code
 * private transient int $refguard$hash;                    // 0: not chosen yet
 * public int hashCode() { return $refguard$identityHash(); }
 * public int $refguard$identityHash() {                   // IdentityHashed
 *     int h = $refguard$hash;
 *     if (h == 0) { h = SyncBridge.newIdentityHash(this); $refguard$hash = h; }
 *     return h;
 * }
 * }</pre>
 *
 * The hash is chosen once per object, on first use: under exploration from the run's own sequence
 * (the same in every run of the same schedule), elsewhere the JVM's identity hash, so the semantics
 * of {@code hashCode} are unchanged (stable, consistent with identity {@code equals}). Subclasses
 * inherit it. {@code System.identityHashCode} calls in instrumented code are rewritten to return
 * the same value ({@link CallRules}).
 *
 * <p>Left alone: interfaces, enums, records, classes with another superclass (they inherit a {@code
 * hashCode} from it, the injected one when the superclass was instrumented), and serializable
 * classes without a declared {@code serialVersionUID}, whose computed one would change with the
 * added method.
 */
final class IdentityHashes {

    static final String FIELD = "$refguard$hash";
    static final String METHOD = "$refguard$identityHash";
    static final String INTERFACE = "io/refguard/agent/bridge/IdentityHashed";

    private IdentityHashes() {}

    /** Whether {@code node} gets a deterministic identity hash. */
    static boolean applies(ClassNode node, ClassHierarchy hierarchy) {
        int kinds =
                Opcodes.ACC_INTERFACE
                        | Opcodes.ACC_ENUM
                        | Opcodes.ACC_MODULE
                        | Opcodes.ACC_ANNOTATION;
        if ((node.access & kinds) != 0 || !"java/lang/Object".equals(node.superName)) {
            return false;
        }
        for (MethodNode m : node.methods) {
            if ((m.name.equals("hashCode") && m.desc.equals("()I")) || m.name.equals(METHOD)) {
                return false;
            }
        }
        boolean declaresUid = false;
        for (FieldNode f : node.fields) {
            if (f.name.equals(FIELD)) {
                return false;
            }
            declaresUid |= f.name.equals("serialVersionUID");
        }
        if (!declaresUid) {
            for (String i : node.interfaces) {
                if (hierarchy.isSubtype(i, "java/io/Serializable")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds the field, the two methods and the interface to {@code node}. */
    static void inject(ClassNode node) {
        node.interfaces.add(INTERFACE);
        node.fields.add(
                new FieldNode(
                        Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
                        FIELD,
                        "I",
                        null,
                        null));

        MethodNode hashCode = new MethodNode(Opcodes.ACC_PUBLIC, "hashCode", "()I", null, null);
        hashCode.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        hashCode.instructions.add(
                new MethodInsnNode(Opcodes.INVOKEVIRTUAL, node.name, METHOD, "()I", false));
        hashCode.instructions.add(new InsnNode(Opcodes.IRETURN));
        node.methods.add(hashCode);

        MethodNode get =
                new MethodNode(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, METHOD, "()I", null, null);
        InsnList c = get.instructions;
        LabelNode chosen = new LabelNode();
        c.add(new VarInsnNode(Opcodes.ALOAD, 0));
        c.add(new FieldInsnNode(Opcodes.GETFIELD, node.name, FIELD, "I"));
        c.add(new InsnNode(Opcodes.DUP));
        c.add(new JumpInsnNode(Opcodes.IFNE, chosen));
        c.add(new InsnNode(Opcodes.POP));
        c.add(new VarInsnNode(Opcodes.ALOAD, 0));
        c.add(new VarInsnNode(Opcodes.ALOAD, 0));
        c.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        CallRules.SYNC_BRIDGE,
                        "newIdentityHash",
                        "(Ljava/lang/Object;)I",
                        false));
        c.add(new InsnNode(Opcodes.DUP_X1));
        c.add(new FieldInsnNode(Opcodes.PUTFIELD, node.name, FIELD, "I"));
        c.add(chosen);
        if ((node.version & 0xFFFF) >= Opcodes.V1_6) {
            c.add(new FrameNode(Opcodes.F_SAME1, 0, null, 1, new Object[] {Opcodes.INTEGER}));
        }
        c.add(new InsnNode(Opcodes.IRETURN));
        node.methods.add(get);
    }
}
