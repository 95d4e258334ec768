package example.cli;

import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * A scenario class outside refguard's packages, for the command's tests: two threads share one
 * reference and each closes it if it is still open. Checking and closing are not one step, so both
 * may see it open: a double release, found within one preemption.
 */
public final class CheckThenClose {

    private CheckThenClose() {}

    static final class Conn extends RefCounted<Conn> {
        @Override
        protected void deallocate() {}
    }

    /** The state: a connection and one shared reference to it. */
    static final class Shared {
        final Conn conn = new Conn();
        final Ref<Conn> ref = conn.share();
    }

    public static Scenario<Shared> scenario() {
        return Explorer.scenario("check then close")
                .setup(Shared::new)
                .actor("T1", CheckThenClose::closeIfOpen)
                .actor("T2", CheckThenClose::closeIfOpen)
                .check(s -> s.conn.close());
    }

    static void closeIfOpen(Shared s) {
        if (s.ref.isOpen()) {
            s.ref.close();
        }
    }
}
