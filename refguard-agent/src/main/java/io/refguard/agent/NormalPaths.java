package io.refguard.agent;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The instructions of a method that its normal paths reach: from its first instruction, along
 * fall-through, jumps and switches, but not into exception handlers. What is left is code that runs
 * only once something was thrown, such as the copy of a {@code finally} block on the exceptional
 * path. A plain reachability walk over the instruction list, linear in its length.
 */
final class NormalPaths {

    private NormalPaths() {}

    /** The instructions of {@code code} reached without an exception, by identity. */
    static Set<AbstractInsnNode> reachable(InsnList code) {
        Set<AbstractInsnNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<AbstractInsnNode> todo = new ArrayDeque<>();
        if (code.getFirst() != null) {
            todo.push(code.getFirst());
        }
        while (!todo.isEmpty()) {
            AbstractInsnNode insn = todo.pop();
            while (insn != null && seen.add(insn)) {
                int op = insn.getOpcode();
                if (insn instanceof JumpInsnNode jump) {
                    todo.push(jump.label);
                    if (op == Opcodes.GOTO) {
                        break; // a JSR's subroutine returns to the next instruction
                    }
                } else if (insn instanceof TableSwitchInsnNode table) {
                    todo.push(table.dflt);
                    for (LabelNode l : table.labels) {
                        todo.push(l);
                    }
                    break;
                } else if (insn instanceof LookupSwitchInsnNode lookup) {
                    todo.push(lookup.dflt);
                    for (LabelNode l : lookup.labels) {
                        todo.push(l);
                    }
                    break;
                } else if (op == Opcodes.ATHROW
                        || op == Opcodes.RET
                        || op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                    break;
                }
                insn = insn.getNext();
            }
        }
        return seen;
    }
}
