package example.app;

import example.explore.MonitorDeadlock;
import io.refguard.agent.explore.AgentExplorer;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingFailure;

/**
 * Run in a child JVM under {@code -javaagent}: explores {@link MonitorDeadlock}, instrumented by
 * the agent as it loaded, through {@link AgentExplorer#entry}, and prints the report.
 */
public final class ExploreUnderAgent {

    private ExploreUnderAgent() {}

    public static void main(String[] args) {
        try {
            AgentExplorer.entry(
                            args[0],
                            () ->
                                    () -> {
                                        try {
                                            MonitorDeadlock.main(new String[0]);
                                        } catch (InterruptedException e) {
                                            throw new IllegalStateException(e);
                                        }
                                    })
                    .explore(ExploreOptions.exhaustive());
            System.out.println("no failure");
        } catch (InterleavingFailure f) {
            System.out.print(f.table());
        }
    }
}
