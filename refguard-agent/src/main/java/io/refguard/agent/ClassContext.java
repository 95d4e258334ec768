package io.refguard.agent;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** What the rewriters of one class share: its identity, the options, its helpers. */
final class ClassContext {

    private final ClassNode node;
    private final AgentOptions options;
    private final ClassHierarchy hierarchy;
    private final boolean callSites;
    private final List<MethodNode> added = new ArrayList<>();
    private int helperIds;
    private int creations;

    /**
     * @param callSites whether calls into refguard's reference API are bracketed with {@code
     *     CallSites.enter/exit} ({@link RefCalls})
     */
    ClassContext(
            ClassNode node, AgentOptions options, ClassHierarchy hierarchy, boolean callSites) {
        this.node = node;
        this.options = options;
        this.hierarchy = hierarchy;
        this.callSites = callSites;
    }

    /** The internal name, {@code com/acme/Pool}. */
    String owner() {
        return node.name;
    }

    /** The internal name of the superclass, or {@code null} for {@code java/lang/Object}. */
    String superName() {
        return node.superName;
    }

    /** The binary name, {@code com.acme.Pool}. */
    String className() {
        return node.name.replace('/', '.');
    }

    /** The source file name from debug information, or {@code null}. */
    String sourceFile() {
        return node.sourceFile;
    }

    boolean isInterface() {
        return (node.access & Opcodes.ACC_INTERFACE) != 0;
    }

    /** The major class file version (52 for Java 8). */
    int majorVersion() {
        return node.version & 0xFFFF;
    }

    /** Whether {@code ldc} may push a class constant (Java 5, version 49, and later). */
    boolean canLoadClassConstants() {
        return majorVersion() >= Opcodes.V1_5;
    }

    /** Whether the verifier needs stack map frames for new branch targets (version 50+). */
    boolean needsFrames() {
        return majorVersion() >= Opcodes.V1_6;
    }

    AgentOptions options() {
        return options;
    }

    ClassHierarchy hierarchy() {
        return hierarchy;
    }

    /** Whether calls into refguard's reference API get {@code CallSites.enter/exit} brackets. */
    boolean callSites() {
        return callSites;
    }

    /**
     * Access flags for a generated static helper: private, except in interfaces compiled for Java 8
     * or earlier, which cannot hold private methods.
     */
    int helperAccess() {
        int base = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        return base
                | (isInterface() && majorVersion() < Opcodes.V9
                        ? Opcodes.ACC_PUBLIC
                        : Opcodes.ACC_PRIVATE);
    }

    /** A number for the next generated helper's name, unique within the class. */
    int nextHelperId() {
        return helperIds++;
    }

    /** Queues a generated method for addition to the class. */
    void addMethod(MethodNode method) {
        added.add(method);
    }

    /** The generated methods, in creation order. */
    List<MethodNode> addedMethods() {
        return added;
    }

    /** Counts one object creation handed to {@code SyncBridge.created} (no interception). */
    void noteCreation() {
        creations++;
    }

    /** How many creations the class hands to {@code SyncBridge.created}. */
    int creations() {
        return creations;
    }
}
