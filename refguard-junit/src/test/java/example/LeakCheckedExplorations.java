package example;

import io.refguard.explore.Explorer;
import io.refguard.junit.Exploration;
import io.refguard.junit.ExploreTest;
import io.refguard.junit.RefGuardLeakCheck;

/**
 * Exploration tests in a leak-checked class: the explorer checks each run under its own scope,
 * nested inside the test's; what the test method itself leaks is the test's leak.
 */
@RefGuardLeakCheck
public class LeakCheckedExplorations {

    @ExploreTest
    void exploresACleanScenario(Exploration exploration) {
        exploration.explore(
                Explorer.scenario("buffer handed over")
                        .setup(() -> new Buffer())
                        .actor("closer", Buffer::close));
    }

    @ExploreTest
    void leaksOutsideTheScenario(Exploration exploration) {
        Lines.mark("explorationBody", new Buffer());
        exploration.explore(
                Explorer.scenario("buffer handed over")
                        .setup(() -> new Buffer())
                        .actor("closer", Buffer::close));
    }
}
