package io.refguard.cases.readpath;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 4, broken: can two tasks both read a tree block from disk into the same live buffer?
 *
 * <p>btrfs's read path for an extent buffer: (1) if {@code UPTODATE} is set, return; (2) if {@code
 * test_and_set_bit(READING)} finds the bit already set, another task is reading: wait for the bit
 * to clear and return; (3) otherwise submit the read; its completion sets {@code UPTODATE}, clears
 * {@code READING} and wakes the waiters. Step (1) and step (2) are not atomic together: a task that
 * saw the buffer not up to date can win {@code READING} after the first read already completed, and
 * read the block again into a buffer that others are using. Its reporter needed a VM, ftrace and
 * days to catch it; it takes three tasks.
 *
 * <table>
 * <caption>The interleaving from the seed</caption>
 * <tr><th>A</th><th>B</th><th>C</th></tr>
 * <tr><td>(1) not up to date</td><td></td><td></td></tr>
 * <tr><td></td><td>(1) not up to date</td><td></td></tr>
 * <tr><td>(2) wins READING; (3) read done: UPTODATE set, READING cleared</td><td></td><td></td></tr>
 * <tr><td></td><td>(2) wins READING again: a second I/O into the live buffer</td><td></td></tr>
 * <tr><td></td><td></td><td>(1) sees UPTODATE, returns, reads the buffer while B's I/O overwrites it</td></tr>
 * </table>
 *
 * <p><b>Invariant.</b> {@code UPTODATE} implies no I/O in flight.
 *
 * <p><b>Model.</b> The bits are {@code AtomicBoolean}s and the pages a volatile field, set to null
 * while an I/O writes them; waiting is {@code wait}/{@code notifyAll}. The refguard agent turns
 * each of these into a scheduling point. Every task reads the buffer and then uses it; a use that
 * finds the pages under I/O fails. The seed's schedule takes three preemptions (A to B, back to A,
 * and from B's I/O to C); the explorer finds the same bug with two, the roles of A and B exchanged:
 * B completes the first read while A waits between (1) and (2). The case is explored within a bound
 * of 3, so the fix is verified against the seed's own schedule too.
 *
 * <p><b>Fix.</b> {@link DoubleRead_02_RecheckUptodate}.
 *
 * <p><b>Run it:</b> {@code ./refguard cases double-read}, or {@code ./refguard explore --class
 * io.refguard.cases.readpath.DoubleRead_01_ReadingWonTwice --preemption-bound 3}.
 */
public final class DoubleRead_01_ReadingWonTwice {

    private DoubleRead_01_ReadingWonTwice() {}

    /** The scenario: three tasks read the same tree block. */
    public static Scenario<ExtentBuffer> scenario() {
        return Explorer.scenario("double read 01: READING won twice")
                .<ExtentBuffer>setup(Unchecked::new)
                .actor("A", eb -> readAndUse(eb, "A"))
                .actor("B", eb -> readAndUse(eb, "B"))
                .actor("C", eb -> readAndUse(eb, "C"))
                .check(ExtentBuffer::checkFinal);
    }

    static void readAndUse(ExtentBuffer eb, String who) throws InterruptedException {
        eb.read();
        eb.use(who);
    }

    /** The read path before the fix. */
    static final class Unchecked extends ExtentBuffer {
        @Override
        void read() throws InterruptedException {
            if (uptodate.get()) {
                return; // (1)
            }
            if (reading.getAndSet(true)) {
                waitWhileReading(); // (2) someone else reads it
                return;
            }
            readFromDisk(); // (3)
        }
    }
}
