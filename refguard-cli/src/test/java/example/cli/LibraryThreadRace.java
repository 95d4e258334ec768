package example.cli;

import example.cli.lib.Launcher;

/**
 * A check-then-act cache loaded by main and by a thread a library starts. With {@code --include
 * example.cli.LibraryThreadRace} the library is not instrumented, so refguard neither schedules nor
 * sees its thread: the exploration is inconclusive, neither a pass nor a bug.
 */
public final class LibraryThreadRace {

    static volatile String cached;
    static volatile int loads;

    private LibraryThreadRace() {}

    public static void main(String[] args) throws InterruptedException {
        Thread t = Launcher.start(LibraryThreadRace::load);
        load();
        t.join();
        if (loads != 1) {
            throw new AssertionError("loaded " + loads + " times");
        }
    }

    static void load() {
        if (cached == null) {
            loads++;
            cached = "v";
        }
    }
}
