package example.cli;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scenario class whose code uses a {@code java.util.concurrent} lock, for the command's tests.
 */
public final class UsesReentrantLock {

    private UsesReentrantLock() {}

    public static Scenario<ReentrantLock> scenario() {
        return Explorer.scenario("uses a ReentrantLock")
                .setup(ReentrantLock::new)
                .actor("T1", UsesReentrantLock::lockAndUnlock)
                .actor("T2", UsesReentrantLock::lockAndUnlock);
    }

    static void lockAndUnlock(ReentrantLock lock) {
        lock.lock();
        lock.unlock();
    }
}
