package io.refguard.cases.reftable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of one run: the shared disk, the stack of the process under test, and what that process
 * read. Built fresh for every schedule.
 */
final class Repo {

    /** The older table: {@code main} at c1 and the tag. */
    static final TableFile T1 =
            new TableFile("t1", Map.of("refs/heads/main", "c1", "refs/tags/v1", "c0"));

    /** The newer table: {@code main} moved to c2, {@code topic} created. */
    static final TableFile T2 =
            new TableFile("t2", Map.of("refs/heads/main", "c2", "refs/heads/topic", "c3"));

    final Disk disk;
    final Stack stack;

    /** What the process under test read, in order. */
    final List<String> seen = new ArrayList<>();

    private Repo(Disk disk, Stack stack) {
        this.disk = disk;
        this.stack = stack;
    }

    /** {@code tables.list} is {@code [t1, t2]} and the stack has loaded both. */
    static Repo upToDate(Function<Disk, Stack> opener) {
        Disk disk = new Disk(T1, T2);
        Stack stack = opener.apply(disk);
        stack.reload();
        return new Repo(disk, stack);
    }

    /**
     * The stack has loaded {@code [t1]}; since then another writer added t2, so {@code tables.list}
     * is {@code [t1, t2]} and the stack's next reload reuses t1's reader.
     */
    static Repo behindTheList(Function<Disk, Stack> opener) {
        Disk disk = new Disk(T1);
        Stack stack = opener.apply(disk);
        stack.reload();
        disk.write(T2);
        disk.publish(List.of("t1", "t2"));
        return new Repo(disk, stack);
    }

    /**
     * The end of a run: the process read {@code expected}; closing the stack and the list then
     * frees every reader ever opened.
     *
     * @throws AssertionError naming what differs
     */
    void closeAndCheck(List<String> expected) {
        if (!seen.equals(expected)) {
            throw new AssertionError("the process read " + seen + ", expected " + expected);
        }
        stack.close();
        disk.close();
        for (Reader r : disk.opened) {
            if (r.isAlive()) {
                throw new AssertionError(
                        "reader "
                                + r.reportName()
                                + " is still open after the stack was"
                                + " closed: a reference to it leaked");
            }
        }
    }
}
