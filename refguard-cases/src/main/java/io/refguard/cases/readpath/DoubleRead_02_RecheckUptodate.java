package io.refguard.cases.readpath;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 4, fixed: after winning {@code READING}, check {@code UPTODATE} again.
 *
 * <p>The race of {@link DoubleRead_01_ReadingWonTwice}: three tasks read the same tree block.
 *
 * <p><b>Invariant.</b> {@code UPTODATE} implies no I/O in flight.
 *
 * <p><b>Fix</b> (the double check the reporter proposed in the thread, in {@code
 * read_extent_buffer_pages()}). A task that wins {@code READING} checks {@code UPTODATE} once more;
 * if it is set, the read it was about to do has already happened, so it clears {@code READING},
 * wakes the waiters and returns without submitting. Since the completion sets {@code UPTODATE}
 * before it clears {@code READING}, a task that wins the bit after a completed read always sees
 * {@code UPTODATE}. The explorer verifies every schedule within three preemptions.
 *
 * <p><b>Run it:</b> {@code ./refguard cases double-read}, or {@code ./refguard explore --class
 * io.refguard.cases.readpath.DoubleRead_02_RecheckUptodate --preemption-bound 3}.
 */
public final class DoubleRead_02_RecheckUptodate {

    private DoubleRead_02_RecheckUptodate() {}

    /** The scenario of {@link DoubleRead_01_ReadingWonTwice}, on the fixed read path. */
    public static Scenario<ExtentBuffer> scenario() {
        return Explorer.scenario("double read 02: re-check UPTODATE")
                .<ExtentBuffer>setup(Rechecked::new)
                .actor("A", eb -> DoubleRead_01_ReadingWonTwice.readAndUse(eb, "A"))
                .actor("B", eb -> DoubleRead_01_ReadingWonTwice.readAndUse(eb, "B"))
                .actor("C", eb -> DoubleRead_01_ReadingWonTwice.readAndUse(eb, "C"))
                .check(ExtentBuffer::checkFinal);
    }

    /** The read path with the re-check. */
    static final class Rechecked extends ExtentBuffer {
        @Override
        void read() throws InterruptedException {
            if (uptodate.get()) {
                return;
            }
            if (reading.getAndSet(true)) {
                waitWhileReading();
                return;
            }
            if (uptodate.get()) {
                // a read completed between (1) and winning READING: nothing to submit
                reading.set(false);
                synchronized (this) {
                    notifyAll();
                }
                return;
            }
            readFromDisk();
        }
    }
}
