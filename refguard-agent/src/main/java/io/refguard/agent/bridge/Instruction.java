package io.refguard.agent.bridge;

/**
 * One instrumented instruction: where it is in the source and what it does. Created once when its
 * class is instrumented; injected code refers to it only by {@link #id()}.
 *
 * @param id the constant that injected code passes to the bridge for this instruction
 * @param className the binary name of the class holding the instruction ({@code com.acme.Pool})
 * @param methodName the name of the method holding it, as in the source ({@code <init>} for
 *     constructors)
 * @param fileName the source file from the class's debug information, or {@code null} when the
 *     class was compiled without it
 * @param line the source line, or {@code -1} when the class has no line numbers
 * @param operation what the instruction does, for reports: {@code "volatile write Pool.state"},
 *     {@code "ReentrantLock.lock()"}, {@code "monitor enter"}
 * @param subject the source name of the object operated on when the instruction takes it straight
 *     from a field or a named local variable ({@code "lock"} for {@code lock.lock()} or {@code
 *     synchronized (lock)}), else {@code null}; reports use it to name that object
 * @param field which part of the object operated on the instruction touches: the field's name
 *     (interned) for a field read or write, {@link #ANY_FIELD} for a field updater's or a {@code
 *     VarHandle}'s access of its holder, whose field it cannot name, {@link #ELEMENTS} for an array
 *     element's read or write; {@code null} when it operates on the object itself (a lock, an
 *     atomic, a monitor)
 */
public record Instruction(
        int id,
        String className,
        String methodName,
        String fileName,
        int line,
        String operation,
        String subject,
        String field) {

    /** {@link #field()} of an access to a field of its target that the instruction cannot name. */
    public static final String ANY_FIELD = "*";

    /**
     * {@link #field()} of an access to an element of an array: the elements are one part of the
     * array, apart from the array object itself (its monitor), as a field is apart from its object.
     * No field can have this name.
     */
    public static final String ELEMENTS = "[]";

    /**
     * Whether the instruction reads or writes a plain field: one that is neither volatile nor
     * reached through an atomic, a field updater or a {@code VarHandle}, so its access synchronizes
     * nothing.
     */
    public boolean plainField() {
        return field != null
                && !field.equals(ANY_FIELD)
                && !field.equals(ELEMENTS)
                && (operation.startsWith("read ") || operation.startsWith("write "));
    }

    /** A site that operates on its object itself. */
    public Instruction(
            int id,
            String className,
            String methodName,
            String fileName,
            int line,
            String operation,
            String subject) {
        this(id, className, methodName, fileName, line, operation, subject, null);
    }

    /** A site whose operand has no source name. */
    public Instruction(
            int id,
            String className,
            String methodName,
            String fileName,
            int line,
            String operation) {
        this(id, className, methodName, fileName, line, operation, null);
    }

    /**
     * The location in the form a stack trace uses, {@code com.acme.Pool.take(Pool.java:42)}, so
     * that IDEs and terminals make it clickable.
     */
    public String location() {
        String file = fileName == null ? "Unknown Source" : fileName;
        return className + "." + methodName + "(" + file + (line >= 0 ? ":" + line : "") + ")";
    }

    /** {@code operation at location}, for reports and logs. */
    @Override
    public String toString() {
        return operation + " at " + location();
    }
}
