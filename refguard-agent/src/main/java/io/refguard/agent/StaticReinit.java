package io.refguard.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Makes a class's static state resettable, so one definition of a program's classes serves every
 * exploration run and each run still starts from fresh statics, as with a new class loader per run
 * but without defining (and interpreting, and JIT-compiling) the classes anew.
 *
 * <p>The scheme mirrors the JVM's lazy class initialization (JVMS 5.5) with a run counter, the
 * <em>epoch</em>, that {@link InstrumentingClassLoader#startRun()} increments:
 *
 * <ul>
 *   <li>a field {@code $rg$epoch} records the run in which the class was last initialized;
 *   <li>the original {@code <clinit>} becomes {@code $rg$clinit};
 *   <li>{@code $rg$reinit} sets {@code $rg$epoch}, re-initializes the superclass first, resets
 *       every static field to its default value, then runs {@code $rg$clinit}, keeping what it
 *       throws in {@code $rg$failure} instead of throwing it;
 *   <li>the JVM's {@code <clinit>} is {@code $rg$reinit}: it cannot fail, so the class never
 *       becomes erroneous for the runs after one whose initializer threw;
 *   <li>while {@code $rg$reinit} runs, {@code $rg$initializer} holds the thread running it;
 *   <li>{@code $rg$ensure} calls {@code $rg$reinit} when {@code $rg$epoch} is not the current
 *       run's, else waits while another thread is initializing the class (JVMS 5.5 step 2: a thread
 *       that uses a class being initialized by another blocks until it is done, and the
 *       initializing thread itself goes on), then throws the kept failure, if any, as the JVM would
 *       ({@code ExceptionInInitializerError}); every static method and constructor calls it first,
 *       and every access to a static field of another re-initializable class, {@code new} of one
 *       and static call to one calls {@link io.refguard.agent.bridge.ProgramStatics} first: the
 *       points where the JVM would initialize the class;
 *   <li>inside another class's initializer, those calls make a scheduling point before a class that
 *       is not initialized in this run yet ({@code ProgramStatics.beforeInit}): another thread may
 *       start initializing it first, which is how initializers that use each other's classes
 *       deadlock in the JVM.
 * </ul>
 *
 * So a class is re-initialized in each run at its first use in that run, on the thread that uses
 * it, exactly where a fresh loader would have initialized it: the schedule of a run is the same
 * whether its classes were initialized by the JVM or re-initialized.
 *
 * <p>Static fields initialized by {@code <clinit>} lose their {@code final} flag (a {@code
 * putstatic} to a final field is legal only in {@code <clinit>}); compile-time constants keep it
 * and are not reset. Interfaces and enums are left alone: an enum's constants are cached by the JDK
 * ({@code valueOf}, {@code EnumSet}) and must stay the same objects.
 *
 * <p>A {@code finalize()} override is renamed ({@code $rg$finalize}), so the JVM does not finalize
 * the class's objects. A finalizer runs on the JVM's finalizer thread whenever a collection finds
 * its object, typically one of an earlier run, and so touches the current run's statics from a
 * thread no schedule controls: it re-initializes classes there and then, so the run's own thread
 * takes fewer steps than in other runs of the same schedule (Netty's {@code PoolThreadCache} frees
 * its caches this way). What a finalizer would do at a moment chosen by the collector is not part
 * of any schedule, so leaving it out loses nothing that a run could show.
 */
final class StaticReinit {

    /** The internal name of the per-loader class holding the run counter. */
    static final String EPOCH_CLASS = "$refguard/Epoch";

    /** The binary name of {@link #EPOCH_CLASS}. */
    static final String EPOCH_CLASS_NAME = "$refguard.Epoch";

    static final String EPOCH_FIELD = "value";

    private static final String EPOCH = "$rg$epoch";
    private static final String REINIT = "$rg$reinit";
    private static final String CLINIT_COPY = "$rg$clinit";
    private static final String ENSURE = "$rg$ensure";
    private static final String FAILURE = "$rg$failure";
    private static final String INITIALIZER = "$rg$initializer";
    private static final String FINALIZE_COPY = "$rg$finalize";
    private static final String STATICS = "io/refguard/agent/bridge/ProgramStatics";

    private StaticReinit() {}

    /**
     * Adds re-initialization to {@code bytes}, or returns {@code null} for a class it does not
     * apply to (an interface, an enum, a module descriptor).
     *
     * @param reinitializable whether a class, by internal name, is one this loader treats alike (so
     *     accesses to its static fields are guarded)
     */
    static byte[] apply(byte[] bytes, Predicate<String> reinitializable) {
        ClassNode node = new ClassNode(Opcodes.ASM9);
        new ClassReader(bytes).accept(node, new Attribute[] {new InstrumentedMarker()}, 0);
        if ((node.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ENUM | Opcodes.ACC_MODULE)) != 0
                || (node.superName != null && node.superName.equals("java/lang/Enum"))) {
            return null;
        }
        int version = node.version & 0xFFFF;
        List<FieldNode> resettable = new ArrayList<>();
        for (FieldNode f : node.fields) {
            if ((f.access & Opcodes.ACC_STATIC) != 0 && f.value == null) {
                f.access &= ~Opcodes.ACC_FINAL;
                resettable.add(f);
            }
        }
        MethodNode clinit = null;
        for (MethodNode m : node.methods) {
            if (m.name.equals("<clinit>")) {
                clinit = m;
            }
        }
        boolean hasClinit = clinit != null;
        for (MethodNode m : node.methods) {
            if (m.name.equals("finalize")
                    && m.desc.equals("()V")
                    && (m.access & Opcodes.ACC_STATIC) == 0) {
                m.name = FINALIZE_COPY; // see the class comment
            }
        }
        for (MethodNode m : node.methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                continue;
            }
            if (((m.access & Opcodes.ACC_STATIC) != 0 && !m.name.equals("<clinit>"))
                    || m.name.equals("<init>")) {
                m.instructions.insert(
                        new MethodInsnNode(Opcodes.INVOKESTATIC, node.name, ENSURE, "()V", false));
            }
            if (version >= Opcodes.V1_5) {
                guardForeignStatics(node.name, m, reinitializable);
            }
        }
        node.fields.add(
                new FieldNode(
                        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                        EPOCH,
                        "I",
                        null,
                        null));
        node.fields.add(
                new FieldNode(
                        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                        FAILURE,
                        "Ljava/lang/Throwable;",
                        null,
                        null));
        node.fields.add(
                new FieldNode(
                        Opcodes.ACC_PRIVATE
                                | Opcodes.ACC_STATIC
                                | Opcodes.ACC_VOLATILE
                                | Opcodes.ACC_SYNTHETIC,
                        INITIALIZER,
                        "Ljava/lang/Thread;",
                        null,
                        null));
        if (hasClinit) {
            // the original initializer becomes $rg$clinit, run by $rg$reinit in every run
            clinit.name = CLINIT_COPY;
            clinit.access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        }
        // the JVM's own initializer runs $rg$reinit, which cannot throw: a failure is kept and
        // thrown by $rg$ensure, so the class never becomes erroneous for the runs after
        MethodNode jvmInit = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        // pinned while the JVM holds the class's initialization lock (ProgramStatics.jvmInit)
        jvmInit.instructions.add(new InsnNode(Opcodes.ICONST_1));
        jvmInit.instructions.add(
                new MethodInsnNode(Opcodes.INVOKESTATIC, STATICS, "jvmInit", "(Z)V", false));
        jvmInit.instructions.add(
                new MethodInsnNode(Opcodes.INVOKESTATIC, node.name, REINIT, "()V", false));
        jvmInit.instructions.add(new InsnNode(Opcodes.ICONST_0));
        jvmInit.instructions.add(
                new MethodInsnNode(Opcodes.INVOKESTATIC, STATICS, "jvmInit", "(Z)V", false));
        jvmInit.instructions.add(new InsnNode(Opcodes.RETURN));
        node.methods.add(jvmInit);
        node.methods.add(ensure(node.name, version));
        node.methods.add(reinit(node, resettable, hasClinit, version));
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    /**
     * Before each instruction that makes the JVM initialize another re-initializable class (JVMS
     * 5.5: a static field access, {@code new}, a static call), a call to {@code ProgramStatics}
     * that initializes it in this run where the JVM would: {@code ensure} before a static field
     * access, {@code ensureForNew} before {@code new} (the arguments of the constructor come
     * after), {@code beforeStaticCall} before a static call (the method's {@code $rg$ensure}
     * initializes the class, after the arguments, as the JVM does). Each first makes the scheduling
     * point before a class initialization nested in another: made before the instruction, it is the
     * same point whether the JVM initializes the class or a re-initializer does, so runs of both
     * kinds take the same steps.
     */
    private static void guardForeignStatics(
            String self, MethodNode m, Predicate<String> reinitializable) {
        for (AbstractInsnNode insn : m.instructions.toArray()) {
            String owner = initializedBy(insn);
            if (owner != null
                    && !owner.equals(self)
                    && !owner.equals(EPOCH_CLASS)
                    && !owner.startsWith("[")
                    && reinitializable.test(owner)) {
                String entry =
                        switch (insn.getOpcode()) {
                            case Opcodes.NEW -> "ensureForNew";
                            case Opcodes.INVOKESTATIC -> "beforeStaticCall";
                            default -> "ensure";
                        };
                InsnList guard = new InsnList();
                guard.add(new LdcInsnNode(Type.getObjectType(owner)));
                guard.add(new FieldInsnNode(Opcodes.GETSTATIC, EPOCH_CLASS, EPOCH_FIELD, "I"));
                guard.add(
                        new MethodInsnNode(
                                Opcodes.INVOKESTATIC,
                                STATICS,
                                entry,
                                "(Ljava/lang/Class;I)V",
                                false));
                AbstractInsnNode first = guard.getFirst();
                m.instructions.insertBefore(insn, guard);
                if (insn.getOpcode() == Opcodes.NEW) {
                    relabelNew(m, insn, first);
                }
            }
        }
    }

    /**
     * A frame names the object a {@code new} makes, until its constructor runs, by the label at
     * that instruction (JVMS 4.7.4, {@code Uninitialized_variable_info}). With a guard from {@code
     * first} on inserted between the labels and the instruction, frames get a new label right at
     * the instruction instead; the old ones stay where branches find them.
     */
    private static void relabelNew(MethodNode m, AbstractInsnNode insn, AbstractInsnNode first) {
        Set<LabelNode> old = new HashSet<>();
        for (AbstractInsnNode p = first.getPrevious(); p != null && p.getOpcode() < 0; ) {
            if (p instanceof LabelNode l) {
                old.add(l);
            }
            p = p.getPrevious();
        }
        if (old.isEmpty()) {
            return;
        }
        LabelNode at = new LabelNode();
        m.instructions.insertBefore(insn, at);
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof FrameNode f) {
                replace(f.local, old, at);
                replace(f.stack, old, at);
            }
        }
    }

    private static void replace(List<Object> types, Set<LabelNode> old, LabelNode at) {
        if (types != null) {
            types.replaceAll(t -> t instanceof LabelNode l && old.contains(l) ? at : t);
        }
    }

    /** The class whose initialization {@code insn} triggers in the JVM, or null. */
    private static String initializedBy(AbstractInsnNode insn) {
        return switch (insn.getOpcode()) {
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC -> ((FieldInsnNode) insn).owner;
            case Opcodes.INVOKESTATIC -> {
                MethodInsnNode call = (MethodInsnNode) insn;
                yield call.itf ? null : call.owner;
            }
            case Opcodes.NEW -> ((TypeInsnNode) insn).desc;
            default -> null;
        };
    }

    /**
     * {@code $rg$ensure}: re-initialize unless initialized in the current run, then throw what the
     * initializer threw, if it did.
     */
    private static MethodNode ensure(String owner, int version) {
        MethodNode m =
                new MethodNode(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                        ENSURE,
                        "()V",
                        null,
                        null);
        LabelNode current = new LabelNode();
        LabelNode fine = new LabelNode();
        boolean frames = version >= Opcodes.V1_6;
        InsnList code = m.instructions;
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, EPOCH, "I"));
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, EPOCH_CLASS, EPOCH_FIELD, "I"));
        code.add(new JumpInsnNode(Opcodes.IF_ICMPEQ, current));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, REINIT, "()V", false));
        code.add(current);
        if (frames) {
            code.add(new FrameNode(Opcodes.F_SAME, 0, null, 0, null));
        }
        // another thread is initializing the class in this run: wait for it, as the JVM does
        LabelNode initialized = new LabelNode();
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, INITIALIZER, "Ljava/lang/Thread;"));
        code.add(new JumpInsnNode(Opcodes.IFNULL, initialized));
        code.add(new LdcInsnNode(Type.getObjectType(owner)));
        code.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        STATICS,
                        "awaitInitialized",
                        "(Ljava/lang/Class;)V",
                        false));
        code.add(initialized);
        if (frames) {
            code.add(new FrameNode(Opcodes.F_SAME, 0, null, 0, null));
        }
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, FAILURE, "Ljava/lang/Throwable;"));
        code.add(new JumpInsnNode(Opcodes.IFNULL, fine));
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, FAILURE, "Ljava/lang/Throwable;"));
        code.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        STATICS,
                        "initializerFailed",
                        "(Ljava/lang/Throwable;)V",
                        false));
        code.add(fine);
        if (frames) {
            code.add(new FrameNode(Opcodes.F_SAME, 0, null, 0, null));
        }
        code.add(new InsnNode(Opcodes.RETURN));
        return m;
    }

    /**
     * {@code $rg$reinit}: mark current, then, keeping any failure in {@code $rg$failure}: the
     * superclass first, every static field back to its default, the original initializer.
     */
    private static MethodNode reinit(
            ClassNode node, List<FieldNode> fields, boolean hasClinit, int version) {
        MethodNode m =
                new MethodNode(
                        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                        REINIT,
                        "()V",
                        null,
                        null);
        InsnList code = m.instructions;
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, EPOCH_CLASS, EPOCH_FIELD, "I"));
        code.add(new FieldInsnNode(Opcodes.PUTSTATIC, node.name, EPOCH, "I"));
        code.add(new LdcInsnNode(Type.getObjectType(node.name)));
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, EPOCH_CLASS, EPOCH_FIELD, "I"));
        code.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        STATICS,
                        "initializedIn",
                        "(Ljava/lang/Class;I)V",
                        false));
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new FieldInsnNode(Opcodes.PUTSTATIC, node.name, FAILURE, "Ljava/lang/Throwable;"));
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        boolean superToo = node.superName != null && !node.superName.startsWith("java/");
        if (!superToo && fields.isEmpty() && !hasClinit) {
            code.add(new InsnNode(Opcodes.RETURN)); // nothing to initialize, nothing can throw
            return m;
        }
        // other threads that use the class until it is initialized wait ($rg$ensure)
        code.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        STATICS,
                        "initializingThread",
                        "()Ljava/lang/Thread;",
                        false));
        code.add(
                new FieldInsnNode(Opcodes.PUTSTATIC, node.name, INITIALIZER, "Ljava/lang/Thread;"));
        code.add(depth(1));
        code.add(start);
        if (superToo) {
            code.add(new LdcInsnNode(Type.getObjectType(node.superName)));
            code.add(
                    new MethodInsnNode(
                            Opcodes.INVOKESTATIC,
                            STATICS,
                            "ensure",
                            "(Ljava/lang/Class;)V",
                            false));
        }
        for (FieldNode f : fields) {
            code.add(defaultValue(f.desc));
            code.add(new FieldInsnNode(Opcodes.PUTSTATIC, node.name, f.name, f.desc));
        }
        if (hasClinit) {
            code.add(
                    new MethodInsnNode(Opcodes.INVOKESTATIC, node.name, CLINIT_COPY, "()V", false));
        }
        code.add(end);
        code.add(depth(-1));
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(
                new FieldInsnNode(Opcodes.PUTSTATIC, node.name, INITIALIZER, "Ljava/lang/Thread;"));
        code.add(new InsnNode(Opcodes.RETURN));
        code.add(handler);
        if (version >= Opcodes.V1_6) {
            code.add(
                    new FrameNode(
                            Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/lang/Throwable"}));
        }
        code.add(new FieldInsnNode(Opcodes.PUTSTATIC, node.name, FAILURE, "Ljava/lang/Throwable;"));
        code.add(depth(-1));
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(
                new FieldInsnNode(Opcodes.PUTSTATIC, node.name, INITIALIZER, "Ljava/lang/Thread;"));
        code.add(new InsnNode(Opcodes.RETURN));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, "java/lang/Throwable"));
        return m;
    }

    /** {@code ProgramStatics.initializing(change)}: the thread's depth of initializers. */
    private static InsnList depth(int change) {
        InsnList code = new InsnList();
        code.add(new LdcInsnNode(change));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, STATICS, "initializing", "(I)V", false));
        return code;
    }

    private static AbstractInsnNode defaultValue(String desc) {
        return switch (desc.charAt(0)) {
            case 'J' -> new InsnNode(Opcodes.LCONST_0);
            case 'F' -> new InsnNode(Opcodes.FCONST_0);
            case 'D' -> new InsnNode(Opcodes.DCONST_0);
            case 'L', '[' -> new InsnNode(Opcodes.ACONST_NULL);
            default -> new InsnNode(Opcodes.ICONST_0);
        };
    }

    /** The class file of the per-loader run counter: {@code public static int value}. */
    static byte[] epochClass() {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(
                Opcodes.V1_8,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                EPOCH_CLASS,
                null,
                "java/lang/Object",
                null);
        w.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, EPOCH_FIELD, "I", null, null)
                .visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }
}
