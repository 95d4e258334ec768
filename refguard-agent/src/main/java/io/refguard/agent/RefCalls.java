package io.refguard.agent;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Which call sites are calls into refguard's reference API, the calls whose code site the checker
 * records and that the agent therefore brackets with {@code CallSites.enter/exit}.
 *
 * <p>The rule, decided from class files and never by loading a class: an {@code invokevirtual} or
 * {@code invokeinterface} whose name and descriptor are one of {@code Ref}'s methods as javac emits
 * them against {@code Ref} or {@code RefCounted} (see {@link #REF_METHODS}), on an owner that is
 * {@code io.refguard.Ref} or a subtype of it as {@link ClassHierarchy} reads the owner's class file
 * through the loader of the class being instrumented; or {@code acquire()} on {@code HotSwap} or
 * {@code HotSwapSet}, both final. Everything else is left alone, in particular:
 *
 * <ul>
 *   <li>a {@code close()} whose static owner is not a {@code Ref} type ({@code AutoCloseable},
 *       {@code Closeable}), even when the receiver is a {@code Ref} at run time: the checker walks
 *       the stack for it as it would without the agent;
 *   <li>owners whose class file the loader cannot read, and JDK owners, which can never be {@code
 *       Ref} types;
 *   <li>{@code invokespecial} and {@code invokestatic}: {@code Ref}'s methods are instance methods
 *       and {@code RefCounted}'s are final, so no super call reaches them;
 *   <li>method references ({@code Ref::close}): the call is made by a JDK-generated class.
 * </ul>
 *
 * <p>A {@code Ref} implemented by the user (a forwarding wrapper) counts as a {@code Ref} type: the
 * supplied site then names the caller of the wrapper even when the wrapper is not instrumented,
 * where a stack walk would name the wrapper.
 */
final class RefCalls {

    /** The internal name of refguard-core's receiving side. */
    static final String CALL_SITES = "io/refguard/hook/CallSites";

    /** The descriptor of {@code CallSites.Slot}, which a bracket keeps between enter and exit. */
    static final String SLOT = "Lio/refguard/hook/CallSites$Slot;";

    private static final String REF = "io/refguard/Ref";
    private static final String HOT_SWAP = "io/refguard/swap/HotSwap";
    private static final String HOT_SWAP_SET = "io/refguard/swap/HotSwapSet";
    private static final String ACQUIRE = "acquire()Lio/refguard/Ref;";

    /**
     * Name and descriptor of every {@code Ref} method at a call site: {@code get} is {@code
     * ()Ljava/lang/Object;} against {@code Ref<T>} and {@code ()Lio/refguard/RefCounted;} against a
     * {@code RefCounted} subclass (the erasure of its {@code T}).
     */
    private static final Set<String> REF_METHODS =
            Set.of(
                    ACQUIRE,
                    "tryAcquire()Lio/refguard/Ref;",
                    "share()Lio/refguard/Ref;",
                    "touch(Ljava/lang/Object;)Lio/refguard/Ref;",
                    "get()Ljava/lang/Object;",
                    "get()Lio/refguard/RefCounted;",
                    "close()V",
                    "isOpen()Z");

    private RefCalls() {}

    /** Whether {@code call} is a call into refguard's reference API (see the class comment). */
    static boolean isTarget(MethodInsnNode call, ClassHierarchy hierarchy) {
        int op = call.getOpcode();
        if (op != Opcodes.INVOKEVIRTUAL && op != Opcodes.INVOKEINTERFACE) {
            return false;
        }
        String method = call.name + call.desc;
        if (!REF_METHODS.contains(method)) {
            return false;
        }
        String owner = call.owner;
        if (owner.equals(HOT_SWAP) || owner.equals(HOT_SWAP_SET)) {
            return method.equals(ACQUIRE);
        }
        return !isJdk(owner) && hierarchy.isSubtype(owner, REF);
    }

    /** The operation's name in the agent's site table: {@code Ref.close()}. */
    static String label(MethodInsnNode call) {
        return CallRules.memberName(call.owner, call.name) + "()";
    }

    private static boolean isJdk(String owner) {
        return owner.startsWith("java/")
                || owner.startsWith("javax/")
                || owner.startsWith("jdk/")
                || owner.startsWith("sun/")
                || owner.startsWith("com/sun/")
                || owner.startsWith("[");
    }
}
