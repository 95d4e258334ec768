package io.refguard.agent.bridge;

import java.util.Arrays;

/**
 * The table of instrumented instructions of this JVM, indexed by site id.
 *
 * <p>The instrumenter appends one {@link Instruction} per rewritten instruction while it transforms
 * a class, and bakes the returned id into the injected code as a constant; at run time nothing is
 * allocated or stack-walked to know where an operation came from, and {@link #get(int)} is an array
 * read.
 *
 * <p>Concurrency: appends are serialized by the class lock; the array reference is volatile and
 * replaced (never mutated in place below {@code size}) on growth, so a reader that obtained an id
 * from running code also sees the site: the append that created the id happens-before the class
 * holding the injected code is defined, which happens-before that code runs.
 */
public final class Instructions {

    private static volatile Instruction[] table = new Instruction[1024];
    private static int size;

    private Instructions() {}

    /**
     * Appends a site and returns its id. Called by the instrumenter; ids are dense, start at 0 and
     * are never reused during the life of the JVM.
     */
    public static int register(
            String className, String methodName, String fileName, int line, String operation) {
        return register(className, methodName, fileName, line, operation, null);
    }

    /**
     * Appends a site whose operand has a source name ({@link Instruction#subject()}) and returns
     * its id.
     */
    public static int register(
            String className,
            String methodName,
            String fileName,
            int line,
            String operation,
            String subject) {
        return register(className, methodName, fileName, line, operation, subject, null);
    }

    /**
     * Appends a site that touches a part of its object ({@link Instruction#field()}: a field's
     * name, or {@link Instruction#ANY_FIELD}) and returns its id.
     */
    public static synchronized int register(
            String className,
            String methodName,
            String fileName,
            int line,
            String operation,
            String subject,
            String field) {
        int id = size;
        Instruction[] current = table;
        if (id == current.length) {
            current = Arrays.copyOf(current, id * 2);
        }
        current[id] =
                new Instruction(
                        id,
                        className,
                        methodName,
                        fileName,
                        line,
                        operation,
                        subject,
                        field == null ? null : field.intern());
        size = id + 1;
        table = current;
        return id;
    }

    /**
     * The site with the given id.
     *
     * @throws IllegalArgumentException when no site has that id: the id did not come from code
     *     instrumented in this JVM (a caller bug)
     */
    public static Instruction get(int id) {
        Instruction[] current = table;
        Instruction site = id >= 0 && id < current.length ? current[id] : null;
        if (site == null) {
            throw new IllegalArgumentException(
                    "no instrumented site has id "
                            + id
                            + "; site ids are only valid in the JVM"
                            + " whose agent or instrumenting class loader produced them");
        }
        return site;
    }

    /** How many sites have been registered so far. */
    public static synchronized int count() {
        return size;
    }
}
