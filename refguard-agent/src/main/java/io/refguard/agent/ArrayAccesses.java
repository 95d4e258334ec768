package io.refguard.agent;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;

/**
 * The array element instructions ({@code xALOAD}, {@code xASTORE}) that {@link MethodRewriter}
 * turns into scheduling points when plain fields are points, and the field their array was loaded
 * from, which names the array in reports ({@code Bug.levels} for {@code levels[1]++} on a field
 * {@code levels} of class {@code Bug}).
 */
final class ArrayAccesses {

    /** How far back {@link #subjectOf} looks for the instruction that pushed the array. */
    private static final int LOOK_BACK = 24;

    private ArrayAccesses() {}

    /**
     * {@code java.util.Arrays} methods of one array that change it; the others only read it. The
     * parallel ones ({@code parallelSort}, {@code parallelSetAll}, {@code parallelPrefix}) are
     * library calls instead ({@code LibraryRules}), run on modeled workers.
     */
    private static final java.util.Set<String> BULK_WRITES =
            java.util.Set.of("fill", "sort", "setAll");

    /** {@code java.util.Arrays} methods of one array that read all or a range of it at once. */
    private static final java.util.Set<String> BULK_READS =
            java.util.Set.of(
                    "copyOf",
                    "copyOfRange",
                    "hashCode",
                    "deepHashCode",
                    "toString",
                    "deepToString",
                    "binarySearch");

    /**
     * For a call of a {@code java.util.Arrays} method whose first parameter is the one array it
     * touches: 1 when it changes the array, 0 when it only reads it; -1 for any other call (methods
     * of two arrays, such as {@code equals} or {@code mismatch}, and views and lazy ones, {@code
     * asList}, {@code stream}, {@code spliterator}, are not).
     */
    static int bulkKind(String owner, String name, String desc) {
        if (!owner.equals("java/util/Arrays") || !desc.startsWith("([")) {
            return -1;
        }
        if (BULK_WRITES.contains(name)) {
            return 1;
        }
        return BULK_READS.contains(name) ? 0 : -1;
    }

    /** Whether {@code op} reads an array element. */
    static boolean isLoad(int op) {
        return op >= Opcodes.IALOAD && op <= Opcodes.SALOAD;
    }

    /** Whether {@code op} writes an array element. */
    static boolean isStore(int op) {
        return op >= Opcodes.IASTORE && op <= Opcodes.SASTORE;
    }

    /** Stack words of the value an {@code xASTORE} stores: 2 for a long or a double, else 1. */
    static int valueWords(int op) {
        return op == Opcodes.LASTORE || op == Opcodes.DASTORE ? 2 : 1;
    }

    /**
     * The element type the instruction names, as Java writes it ({@code int[]}), or null when it
     * does not tell: {@code baload} serves {@code byte[]} and {@code boolean[]}, {@code aaload}
     * every array of references.
     */
    static String arrayType(int op) {
        int base = isLoad(op) ? op - Opcodes.IALOAD : op - Opcodes.IASTORE;
        return switch (base) {
            case 0 -> "int[]";
            case 1 -> "long[]";
            case 2 -> "float[]";
            case 3 -> "double[]";
            case 6 -> "char[]";
            case 7 -> "short[]";
            default -> null;
        };
    }

    /**
     * {@code Owner.field} when the array that the element instruction {@code insn} uses was pushed
     * by a {@code getfield} or {@code getstatic} of that field, else null. Walks back over
     * straight-line code, following the array's stack slot through what pushes and pops above it
     * (the index, the value, {@code dup2} of {@code a[i]++}, the instrumenter's own inserted
     * calls), and gives up at a branch target (a frame), at an instruction whose stack effect it
     * does not know, or after {@link #LOOK_BACK} instructions. Locals and parameters name no array:
     * their names are roles ({@code from}, {@code buf}) that stand for different arrays on
     * different calls.
     */
    static String subjectOf(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        // stack words above the array: the index, and for a store the value
        return subjectOf(insn, isLoad(op) ? 1 : 1 + valueWords(op));
    }

    /**
     * As {@link #subjectOf(AbstractInsnNode)}, for the array {@code depth} words below the top of
     * the stack at {@code insn} (a call's argument: 4 for {@code System.arraycopy}'s source).
     */
    static String subjectOf(AbstractInsnNode insn, int depth) {
        int seen = 0;
        for (AbstractInsnNode p = insn.getPrevious(); p != null; p = p.getPrevious()) {
            if (p.getOpcode() < 0) {
                if (p instanceof FrameNode) {
                    return null; // a branch target: the stack may come from elsewhere
                }
                continue; // a label or a line number
            }
            if (++seen > LOOK_BACK) {
                return null;
            }
            int copied = copyOf(p.getOpcode(), depth);
            if (copied != NOT_A_COPY) {
                if (copied < 0) {
                    return null;
                }
                depth = copied;
                continue;
            }
            int effect = effect(p);
            if (effect < 0) {
                return null;
            }
            int pops = effect >> 8;
            int pushes = effect & 0xff;
            if (depth < pushes) {
                // p pushed the array: a field read names it, anything else does not
                if (depth == 0
                        && pushes == 1
                        && p instanceof FieldInsnNode f
                        && (f.getOpcode() == Opcodes.GETFIELD
                                || f.getOpcode() == Opcodes.GETSTATIC)) {
                    return CallRules.memberName(f.owner, f.name);
                }
                return null;
            }
            depth = depth - pushes + pops;
        }
        return null;
    }

    private static final int NOT_A_COPY = Integer.MIN_VALUE;

    /**
     * For an instruction that copies or reorders stack words ({@code dup}, {@code swap} and the
     * like): the depth, before it, of the word at {@code depth} after it; {@link #NOT_A_COPY} for
     * any other instruction. Depths count words from the top (0).
     */
    private static int copyOf(int op, int depth) {
        return switch (op) {
            // [.., a] -> [.., a, a]
            case Opcodes.DUP -> depth <= 1 ? 0 : depth - 1;
            // [.., b, a] -> [.., b, a, b, a]
            case Opcodes.DUP2 -> depth <= 3 ? depth % 2 : depth - 2;
            // [.., c, a] -> [.., a, c, a]
            case Opcodes.DUP_X1 -> depth <= 2 ? (depth == 2 ? 0 : depth) : depth - 1;
            // [.., d, c, a] -> [.., a, d, c, a]
            case Opcodes.DUP_X2 -> depth <= 3 ? (depth == 3 ? 0 : depth) : depth - 1;
            // [.., c, b, a] -> [.., b, a, c, b, a]
            case Opcodes.DUP2_X1 -> depth <= 4 ? (depth >= 3 ? depth - 3 : depth) : depth - 2;
            // [.., d, c, b, a] -> [.., b, a, d, c, b, a]
            case Opcodes.DUP2_X2 -> depth <= 5 ? (depth >= 4 ? depth - 4 : depth) : depth - 2;
            // [.., b, a] -> [.., a, b]
            case Opcodes.SWAP -> depth == 0 ? 1 : depth == 1 ? 0 : depth;
            default -> NOT_A_COPY;
        };
    }

    /**
     * The words {@code p} pops and pushes, as {@code pops << 8 | pushes}, or -1 for an instruction
     * this walk does not follow (a jump, a return, a throw, a switch).
     */
    private static int effect(AbstractInsnNode p) {
        int op = p.getOpcode();
        switch (op) {
            case Opcodes.NOP, Opcodes.IINC:
                return 0;
            case Opcodes.ACONST_NULL,
            Opcodes.ICONST_M1,
            Opcodes.ICONST_0,
            Opcodes.ICONST_1,
            Opcodes.ICONST_2,
            Opcodes.ICONST_3,
            Opcodes.ICONST_4,
            Opcodes.ICONST_5,
            Opcodes.FCONST_0,
            Opcodes.FCONST_1,
            Opcodes.FCONST_2,
            Opcodes.BIPUSH,
            Opcodes.SIPUSH,
            Opcodes.ILOAD,
            Opcodes.FLOAD,
            Opcodes.ALOAD,
            Opcodes.NEW:
                return 1;
            case Opcodes.LCONST_0,
            Opcodes.LCONST_1,
            Opcodes.DCONST_0,
            Opcodes.DCONST_1,
            Opcodes.LLOAD,
            Opcodes.DLOAD:
                return 2;
            case Opcodes.LDC:
                Object c = ((LdcInsnNode) p).cst;
                if (c instanceof ConstantDynamic d) {
                    return Type.getType(d.getDescriptor()).getSize();
                }
                return c instanceof Long || c instanceof Double ? 2 : 1;
            case Opcodes.IALOAD,
            Opcodes.FALOAD,
            Opcodes.AALOAD,
            Opcodes.BALOAD,
            Opcodes.CALOAD,
            Opcodes.SALOAD:
                return 2 << 8 | 1;
            case Opcodes.LALOAD, Opcodes.DALOAD:
                return 2 << 8 | 2;
            case Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE, Opcodes.POP:
                return 1 << 8;
            case Opcodes.LSTORE, Opcodes.DSTORE, Opcodes.POP2:
                return 2 << 8;
            case Opcodes.IASTORE,
            Opcodes.FASTORE,
            Opcodes.AASTORE,
            Opcodes.BASTORE,
            Opcodes.CASTORE,
            Opcodes.SASTORE:
                return 3 << 8;
            case Opcodes.LASTORE, Opcodes.DASTORE:
                return 4 << 8;
            case Opcodes.IADD,
            Opcodes.ISUB,
            Opcodes.IMUL,
            Opcodes.IDIV,
            Opcodes.IREM,
            Opcodes.ISHL,
            Opcodes.ISHR,
            Opcodes.IUSHR,
            Opcodes.IAND,
            Opcodes.IOR,
            Opcodes.IXOR,
            Opcodes.FADD,
            Opcodes.FSUB,
            Opcodes.FMUL,
            Opcodes.FDIV,
            Opcodes.FREM,
            Opcodes.FCMPL,
            Opcodes.FCMPG:
                return 2 << 8 | 1;
            case Opcodes.LADD,
            Opcodes.LSUB,
            Opcodes.LMUL,
            Opcodes.LDIV,
            Opcodes.LREM,
            Opcodes.LAND,
            Opcodes.LOR,
            Opcodes.LXOR,
            Opcodes.DADD,
            Opcodes.DSUB,
            Opcodes.DMUL,
            Opcodes.DDIV,
            Opcodes.DREM:
                return 4 << 8 | 2;
            case Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR:
                return 3 << 8 | 2;
            case Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG:
                return 4 << 8 | 1;
            case Opcodes.INEG,
            Opcodes.FNEG,
            Opcodes.I2F,
            Opcodes.F2I,
            Opcodes.I2B,
            Opcodes.I2C,
            Opcodes.I2S,
            Opcodes.ARRAYLENGTH,
            Opcodes.CHECKCAST,
            Opcodes.INSTANCEOF,
            Opcodes.NEWARRAY,
            Opcodes.ANEWARRAY:
                return 1 << 8 | 1;
            case Opcodes.LNEG, Opcodes.DNEG, Opcodes.L2D, Opcodes.D2L:
                return 2 << 8 | 2;
            case Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D:
                return 1 << 8 | 2;
            case Opcodes.L2I, Opcodes.L2F, Opcodes.D2I, Opcodes.D2F:
                return 2 << 8 | 1;
            case Opcodes.GETSTATIC:
                return Type.getType(((FieldInsnNode) p).desc).getSize();
            case Opcodes.GETFIELD:
                return 1 << 8 | Type.getType(((FieldInsnNode) p).desc).getSize();
            case Opcodes.PUTSTATIC:
                return Type.getType(((FieldInsnNode) p).desc).getSize() << 8;
            case Opcodes.PUTFIELD:
                return (1 + Type.getType(((FieldInsnNode) p).desc).getSize()) << 8;
            case Opcodes.INVOKEVIRTUAL,
            Opcodes.INVOKESPECIAL,
            Opcodes.INVOKESTATIC,
            Opcodes.INVOKEINTERFACE:
                {
                    String desc = ((MethodInsnNode) p).desc;
                    int sizes = Type.getArgumentsAndReturnSizes(desc);
                    // the sizes count the receiver: take it off for a static call
                    int args = (sizes >> 2) - (op == Opcodes.INVOKESTATIC ? 1 : 0);
                    return args << 8 | (sizes & 3);
                }
            case Opcodes.INVOKEDYNAMIC:
                {
                    int sizes = Type.getArgumentsAndReturnSizes(((InvokeDynamicInsnNode) p).desc);
                    return ((sizes >> 2) - 1) << 8 | (sizes & 3);
                }
            case Opcodes.MULTIANEWARRAY:
                return ((MultiANewArrayInsnNode) p).dims << 8 | 1;
            case Opcodes.MONITORENTER, Opcodes.MONITOREXIT:
                return 1 << 8;
            default:
                return -1;
        }
    }
}
