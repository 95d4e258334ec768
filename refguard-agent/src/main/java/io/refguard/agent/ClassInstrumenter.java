package io.refguard.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments one class file: the pipeline behind {@link RefguardTransformer} and {@link
 * InstrumentingClassLoader}.
 *
 * <p>Per method: class initializers are left alone (see below); a method with monitors is split by
 * {@link MonitorSplitter} when it can be, and every resulting body is rewritten by {@link
 * MethodRewriter}. Frames are kept, never recomputed, so the class writer never has to find a
 * common superclass and no class is loaded while instrumenting.
 *
 * <p>Classes that inherit {@code Object.hashCode()} get a deterministic identity hash ({@link
 * IdentityHashes}), and code that creates objects hashed by identity hands them to the bridge for
 * one ({@code SyncBridge.created}), even when nothing else in them is intercepted; neither counts
 * as a rewrite.
 *
 * <p>Static initializers get no scheduling points: the JVM runs them under its class initialization
 * lock, and switching to a thread that touches the same class there would block that thread on a
 * lock the scheduler cannot see.
 */
final class ClassInstrumenter {

    /** The result of instrumenting one class. */
    record Result(byte[] bytes, int rewrites, List<String> notes) {}

    private ClassInstrumenter() {}

    /**
     * Instruments {@code original}, or returns {@code null} when there is nothing to intercept in
     * it or it carries the {@link InstrumentedMarker} already. Throws on a class file ASM cannot
     * read; the callers turn that into a log line.
     *
     * @param callSites whether to bracket calls into refguard's reference API with {@code
     *     CallSites.enter/exit} (see {@link RefCalls}); the caller decides whether the class's
     *     loader can link them
     */
    static Result instrument(
            byte[] original, ClassLoader loader, AgentOptions options, boolean callSites) {
        ClassReader reader = new ClassReader(original);
        ClassNode node = new ClassNode(Opcodes.ASM9);
        reader.accept(node, new Attribute[] {new InstrumentedMarker()}, 0);
        if ((node.access & Opcodes.ACC_MODULE) != 0 || isMarked(node)) {
            return null;
        }
        ClassHierarchy hierarchy = new ClassHierarchy(loader, node.name, selfInfo(node));
        ClassContext cls = new ClassContext(node, options, hierarchy, callSites);
        List<String> notes = new ArrayList<>();
        List<MethodNode> added = new ArrayList<>();
        int rewrites = 0;
        for (MethodNode m : new ArrayList<>(node.methods)) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                continue;
            }
            if (m.name.equals("<clinit>")) {
                // plain code, but its draws and clock reads repeat with the schedule
                rewrites +=
                        new MethodRewriter(cls, m, MethodRewriter.Monitors.REAL, m.name)
                                .rewriteValues();
                continue;
            }
            if (!MonitorSplitter.hasMonitors(m)) {
                rewrites +=
                        new MethodRewriter(cls, m, MethodRewriter.Monitors.REAL, m.name).rewrite();
            } else if (MonitorSplitter.canSplit(cls, m)) {
                String name = m.name;
                List<MethodNode> copies = MonitorSplitter.split(cls, m);
                rewrites +=
                        1
                                + new MethodRewriter(
                                                cls,
                                                copies.get(0),
                                                MethodRewriter.Monitors.REAL,
                                                name)
                                        .rewrite()
                                + new MethodRewriter(
                                                cls,
                                                copies.get(1),
                                                MethodRewriter.Monitors.MODELED,
                                                name)
                                        .rewrite();
                added.addAll(copies);
            } else {
                if (MonitorSplitter.isSynchronized(m)) {
                    notes.add(
                            "synchronized method "
                                    + m.name
                                    + m.desc
                                    + " keeps its real monitor (it cannot be split)");
                }
                rewrites +=
                        new MethodRewriter(cls, m, MethodRewriter.Monitors.TOKEN, m.name).rewrite();
            }
        }
        boolean hashed = IdentityHashes.applies(node, hierarchy);
        if (rewrites == 0 && !hashed && cls.creations() == 0) {
            return null;
        }
        if (hashed) {
            IdentityHashes.inject(node);
        }
        node.methods.addAll(added);
        if (node.attrs == null) {
            node.attrs = new ArrayList<>();
        }
        node.attrs.add(new InstrumentedMarker());
        node.methods.addAll(cls.addedMethods());
        ClassWriter writer = new FramePreservingWriter(reader);
        node.accept(writer);
        return new Result(writer.toByteArray(), rewrites, notes);
    }

    private static boolean isMarked(ClassNode node) {
        if (node.attrs != null) {
            for (Attribute a : node.attrs) {
                if (a.type.equals(InstrumentedMarker.NAME)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ClassHierarchy.Info selfInfo(ClassNode node) {
        Map<String, Integer> fields = new HashMap<>();
        for (FieldNode f : node.fields) {
            fields.put(f.name + ':' + f.desc, f.access);
        }
        boolean hashes = false;
        java.util.List<String> methods = new java.util.ArrayList<>();
        for (MethodNode m : node.methods) {
            hashes |= m.name.equals("hashCode") && m.desc.equals("()I");
            methods.add(m.name + m.desc);
        }
        return new ClassHierarchy.Info(
                node.superName,
                node.interfaces.toArray(new String[0]),
                fields,
                hashes,
                ClassHierarchy.lockMethods(methods));
    }

    /**
     * Recomputes only maximum stack and locals. Frames come from the original class plus the few
     * written by {@link MonitorSplitter}, so {@link #getCommonSuperClass} must never run; if it
     * did, ASM's default would load classes through the agent's loader.
     */
    private static final class FramePreservingWriter extends ClassWriter {
        FramePreservingWriter(ClassReader reader) {
            super(reader, ClassWriter.COMPUTE_MAXS);
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            throw new IllegalStateException(
                    "refguard-agent internal bug: frames were to be recomputed for "
                            + type1
                            + " and "
                            + type2);
        }
    }
}
