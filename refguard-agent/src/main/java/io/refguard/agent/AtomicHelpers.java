package io.refguard.agent;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The static helper methods one class needs for its atomic, field-updater and VarHandle call
 * sites: one helper per distinct (owner, name, descriptor), taking the call's operands plus the
 * site id. A helper is straight-line code (report the access, make the original call, return), so
 * it needs no stack map frames; the JIT inlines it into the call site.
 *
 * <p>A signature-polymorphic {@code VarHandle} call keeps its exact symbolic descriptor inside
 * the helper, so its invocation behaviour (including {@code invokeExact} checks) is unchanged.
 */
final class AtomicHelpers {

    private final ClassContext cls;
    private final Map<String, MethodNode> helpers = new HashMap<>();

    AtomicHelpers(ClassContext cls) {
        this.cls = cls;
    }

    /**
     * The call that replaces {@code call} (to be preceded by pushing the site id): an
     * {@code invokestatic} of the helper, created on first use.
     */
    MethodInsnNode replacement(MethodInsnNode call, AtomicRules.Access access) {
        String key = call.getOpcode() + call.owner + '.' + call.name + call.desc;
        MethodNode helper = helpers.computeIfAbsent(key, k -> create(call, access));
        return new MethodInsnNode(
                Opcodes.INVOKESTATIC, cls.owner(), helper.name, helper.desc, cls.isInterface());
    }

    private MethodNode create(MethodInsnNode call, AtomicRules.Access access) {
        Type[] args = Type.getArgumentTypes(call.desc);
        Type ret = Type.getReturnType(call.desc);
        StringBuilder desc = new StringBuilder("(L").append(call.owner).append(';');
        for (Type a : args) {
            desc.append(a.getDescriptor());
        }
        desc.append("I)").append(ret.getDescriptor());
        MethodNode m = new MethodNode(Opcodes.ASM9, cls.helperAccess(),
                "refguard$access$" + cls.nextHelperId(), desc.toString(), null, null);

        int[] slots = new int[args.length];
        int next = 1;
        for (int k = 0; k < args.length; k++) {
            slots[k] = next;
            next += args[k].getSize();
        }
        int siteSlot = next;

        InsnList code = m.instructions;
        int targetSlot = 0;
        switch (access.target()) {
            case RECEIVER -> targetSlot = 0;
            case FIRST_ARGUMENT -> targetSlot = 1;
            case VAR_HANDLE -> {
                int coordinates = args.length - AtomicRules.varHandleValueCount(call.name);
                boolean reference = args.length > 0
                        && (args[0].getSort() == Type.OBJECT || args[0].getSort() == Type.ARRAY);
                targetSlot = coordinates >= 1 && reference ? 1 : 0;
            }
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, targetSlot));
        code.add(new VarInsnNode(Opcodes.ILOAD, siteSlot));
        String point = switch (access.kind()) {
            case READ -> "beforeRead";
            case WRITE -> "beforeWrite";
            case UPDATE -> "beforeUpdate";
        };
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, CallRules.SYNC_BRIDGE, point,
                "(Ljava/lang/Object;I)V", false));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        for (int k = 0; k < args.length; k++) {
            code.add(new VarInsnNode(args[k].getOpcode(Opcodes.ILOAD), slots[k]));
        }
        code.add(new MethodInsnNode(call.getOpcode(), call.owner, call.name, call.desc, call.itf));
        code.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        m.maxLocals = siteSlot + 1;
        m.maxStack = Math.max(2, next + ret.getSize());
        cls.addMethod(m);
        return m;
    }
}
