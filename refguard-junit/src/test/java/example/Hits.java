package example;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;

/**
 * A hit counter counted by two threads, each adding one with a read and a write: the race of a lost
 * update. Shared, both threads read and write one slot, and an update can be lost; striped, each
 * thread has its own slot and the total is their sum. Both variants make the same scheduling points
 * in the same order, so a replay token of one replays on the other.
 */
public final class Hits {

    private final SharedInt[] slots;
    private final boolean striped;

    private Hits(boolean striped) {
        this.striped = striped;
        this.slots = new SharedInt[] {new SharedInt("hits[0]", 0), new SharedInt("hits[1]", 0)};
    }

    /** Counts a hit for thread {@code id} (0 or 1). */
    void hit(int id) {
        SharedInt slot = slots[striped ? id : 0];
        int seen = slot.get();
        slot.set(seen + 1);
    }

    /** The number of hits counted. */
    int total() {
        return slots[0].peek() + slots[1].peek();
    }

    /** The scenario: two threads count one hit each, and two must be counted. */
    public static Scenario<Hits> scenario(boolean striped) {
        return Explorer.scenario("hit counter")
                .setup(() -> new Hits(striped))
                .actor("T1", h -> h.hit(0))
                .actor("T2", h -> h.hit(1))
                .check(
                        h -> {
                            if (h.total() != 2) {
                                throw new AssertionError("2 hits were counted as " + h.total());
                            }
                        });
    }
}
