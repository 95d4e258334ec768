package io.refguard.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of a scenario on plain platform threads with no scheduler: the setup, every actor on a
 * thread of its own, then the invariants once and the final check. What another tool's scheduler
 * (or a stress loop) sees when it runs the scenario. Snapshot checks need scheduling points, so
 * they are not run.
 */
final class UncontrolledRun<S> {

    private final Scenario<S> scenario;

    UncontrolledRun(Scenario<S> scenario) {
        this.scenario = scenario;
    }

    void run() throws Exception {
        S state = scenario.setup.get();
        List<Thread> threads = new ArrayList<>();
        Throwable[] thrown = new Throwable[scenario.actors.size()];
        for (int i = 0; i < scenario.actors.size(); i++) {
            Scenario.Body<? super S> body = scenario.actors.get(i);
            int index = i;
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    body.accept(state);
                                } catch (Throwable e) {
                                    thrown[index] = e;
                                }
                            },
                            scenario.actorNames.get(i));
            threads.add(t);
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int i = 0; i < thrown.length; i++) {
            if (thrown[i] != null) {
                throw new AssertionError(
                        "scenario \""
                                + scenario.name
                                + "\": actor "
                                + scenario.actorNames.get(i)
                                + " threw "
                                + thrown[i],
                        thrown[i]);
            }
        }
        for (int i = 0; i < scenario.invariants.size(); i++) {
            if (!scenario.invariants.get(i).test(state)) {
                throw new AssertionError(
                        "scenario \""
                                + scenario.name
                                + "\": invariant violated at the end: "
                                + scenario.invariantNames.get(i));
            }
        }
        if (scenario.check != null) {
            scenario.check.accept(state);
        }
    }
}
