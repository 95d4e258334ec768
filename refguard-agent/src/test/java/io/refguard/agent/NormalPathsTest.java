package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Which instructions a method reaches without an exception. */
class NormalPathsTest {

    @Test
    void jumpsAndSwitchesAreFollowedAndHandlersAreNot() {
        // if (x) return 0; switch (x) { case 0: ... default: ... } return 1;
        // handler: a finally block's exceptional copy, reached only through the exception table
        InsnList code = new InsnList();
        LabelNode afterIf = new LabelNode();
        LabelNode case0 = new LabelNode();
        LabelNode dflt = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        VarInsnNode tested = new VarInsnNode(Opcodes.ILOAD, 1);
        code.add(tested);
        code.add(new JumpInsnNode(Opcodes.IFEQ, afterIf));
        code.add(new InsnNode(Opcodes.ICONST_0));
        code.add(new InsnNode(Opcodes.IRETURN));
        code.add(afterIf);
        code.add(new VarInsnNode(Opcodes.ILOAD, 1));
        code.add(new TableSwitchInsnNode(0, 0, dflt, case0));
        code.add(case0);
        VarInsnNode inCase = new VarInsnNode(Opcodes.ILOAD, 1);
        code.add(inCase);
        code.add(new InsnNode(Opcodes.POP));
        code.add(new JumpInsnNode(Opcodes.GOTO, end));
        code.add(dflt);
        code.add(new InsnNode(Opcodes.NOP));
        code.add(end);
        code.add(new InsnNode(Opcodes.ICONST_1));
        code.add(new InsnNode(Opcodes.IRETURN));
        code.add(handler);
        code.add(new VarInsnNode(Opcodes.ASTORE, 2));
        VarInsnNode inHandler = new VarInsnNode(Opcodes.ILOAD, 1);
        code.add(inHandler);
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, 2));
        code.add(new InsnNode(Opcodes.ATHROW));

        Set<AbstractInsnNode> normal = NormalPaths.reachable(code);
        assertTrue(normal.contains(tested));
        assertTrue(normal.contains(inCase));
        assertTrue(normal.contains(dflt.getNext()));
        assertTrue(normal.contains(end.getNext()));
        assertFalse(normal.contains(inHandler));
        assertFalse(normal.contains(handler.getNext()));
    }
}
