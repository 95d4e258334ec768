package example.app;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import java.util.List;

/**
 * Runs {@code example.sites.SitesDemo} loaded through an {@link InstrumentingClassLoader} instead
 * of under {@code -javaagent}, and prints its lines followed by how many classes the loader
 * instrumented.
 */
public final class SitesThroughLoader {

    private SitesThroughLoader() {}

    /** Loads and runs the demo as the class comment says; takes no arguments. */
    public static void main(String[] args) throws ReflectiveOperationException {
        InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        SitesThroughLoader.class.getClassLoader(),
                        AgentOptions.defaults().withInclude("example.sites.*"));
        @SuppressWarnings("unchecked")
        List<String> lines =
                (List<String>)
                        Class.forName("example.sites.SitesDemo", true, loader)
                                .getMethod("run")
                                .invoke(null);
        lines.forEach(System.out::println);
        System.out.println("instrumented=" + loader.transformer().instrumentedCount());
    }
}
