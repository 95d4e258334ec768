package io.refguard.agent;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Method references that <em>are</em> an intercepted operation ({@code
 * threads.forEach(Thread::start)}, {@code executor.submit(latch::countDown)}): the JDK generates
 * the class that makes the call, and that class is never instrumented, so the reference is
 * redirected to a static helper in the user's class whose body is the call, rewritten like any
 * other call site.
 *
 * <p>Only {@code LambdaMetafactory.metafactory} call sites are redirected. The alternate
 * metafactory is left alone because a serializable lambda records its implementation method, and
 * deserialization checks it.
 */
final class MethodRefs {

    static final String METAFACTORY_OWNER = "java/lang/invoke/LambdaMetafactory";

    private MethodRefs() {}

    /**
     * Redirects {@code indy} when its implementation method is an intercepted operation, adding the
     * helper to the class; returns the number of operations rewritten (0 leaves it alone).
     *
     * @param line the source line of {@code indy}, reported as the operation's site
     */
    static int redirect(
            ClassContext cls, InvokeDynamicInsnNode indy, String sourceMethodName, int line) {
        Handle bsm = indy.bsm;
        if (!bsm.getOwner().equals(METAFACTORY_OWNER)
                || !bsm.getName().equals("metafactory")
                || indy.bsmArgs.length < 3
                || !(indy.bsmArgs[1] instanceof Handle impl)) {
            return 0;
        }
        int opcode =
                switch (impl.getTag()) {
                    case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                    case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                    case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                    default -> -1; // constructors and super calls are never intercepted operations
                };
        if (opcode == -1 || impl.getOwner().equals(cls.owner())) {
            return 0;
        }
        String implDesc =
                opcode == Opcodes.INVOKESTATIC
                        ? impl.getDesc()
                        : "(L" + impl.getOwner() + ";" + impl.getDesc().substring(1);
        String desc = withCapturedTypes(implDesc, indy.desc);
        if (desc == null) {
            return 0;
        }
        MethodNode helper =
                new MethodNode(
                        Opcodes.ASM9,
                        cls.helperAccess(),
                        "refguard$ref$" + cls.nextHelperId(),
                        desc,
                        null,
                        null);
        if (line >= 0) {
            // stack frames of the helper show the line of the method reference it stands for
            LabelNode at = new LabelNode();
            helper.instructions.add(at);
            helper.instructions.add(new LineNumberNode(line, at));
        }
        int slot = 0;
        for (Type arg : Type.getArgumentTypes(desc)) {
            helper.instructions.add(new VarInsnNode(arg.getOpcode(Opcodes.ILOAD), slot));
            slot += arg.getSize();
        }
        helper.instructions.add(
                new MethodInsnNode(
                        opcode,
                        impl.getOwner(),
                        impl.getName(),
                        impl.getDesc(),
                        impl.isInterface()));
        helper.instructions.add(new InsnNode(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN)));
        int rewrites =
                new MethodRewriter(
                                cls, helper, MethodRewriter.Monitors.REAL, sourceMethodName, line)
                        .rewrite();
        if (rewrites > 0) {
            indy.bsmArgs[1] =
                    new Handle(
                            Opcodes.H_INVOKESTATIC,
                            cls.owner(),
                            helper.name,
                            helper.desc,
                            cls.isInterface());
            cls.addMethod(helper);
        }
        return rewrites;
    }

    /**
     * The helper's descriptor: the implementation's parameters (receiver first), except that the
     * captured ones take the exact types the call site captures. The metafactory demands exact
     * types for captured arguments of a static method, and a bound reference such as {@code
     * buffer::close} captures a {@code Buffer} where the implementation's receiver is the declaring
     * {@code RefCounted}. Null when the shapes do not fit (then nothing is redirected).
     */
    static String withCapturedTypes(String implDesc, String factoryDesc) {
        Type[] params = Type.getArgumentTypes(implDesc);
        Type[] captured = Type.getArgumentTypes(factoryDesc);
        if (captured.length > params.length) {
            return null;
        }
        for (int i = 0; i < captured.length; i++) {
            if (captured[i].getSort() != params[i].getSort()) {
                return null;
            }
            params[i] = captured[i];
        }
        return Type.getMethodDescriptor(Type.getReturnType(implDesc), params);
    }
}
