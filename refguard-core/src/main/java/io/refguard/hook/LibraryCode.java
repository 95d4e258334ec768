package io.refguard.hook;

/**
 * Tells refguard's own machinery from the code it checks, for every place that names a code site:
 * the checker's sites skip these classes, and so do the explorer's report lines.
 *
 * <p>The rule is an exact list of the packages of refguard's main code. Any other class is user
 * code, including classes in other {@code io.refguard} packages: the seed cases, the benchmarks'
 * models, and every test, so that their own lines are what reports show.
 */
public final class LibraryCode {

    private static final String ROOT = "io.refguard";

    /** The packages of refguard's main code. Keep in step with the modules' main sources. */
    private static final String[] PACKAGES = {
        ROOT,
        ROOT + ".hook",
        ROOT + ".swap",
        ROOT + ".explore",
        ROOT + ".explore.replay",
        ROOT + ".explore.report",
        ROOT + ".explore.runtime",
        ROOT + ".explore.strategy",
        ROOT + ".explore.sync",
        ROOT + ".agent",
        ROOT + ".agent.bridge",
        ROOT + ".agent.explore",
        ROOT + ".junit",
        ROOT + ".netty",
        ROOT + ".cli",
    };

    private LibraryCode() {}

    /**
     * Whether {@code className} (a binary name, as stack frames give it) belongs to refguard's main
     * code. Allocates nothing: it runs for every frame of a site capture.
     */
    public static boolean contains(String className) {
        if (!className.startsWith(ROOT)) {
            return false;
        }
        int end = className.lastIndexOf('.');
        for (String p : PACKAGES) {
            if (end == p.length() && className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
