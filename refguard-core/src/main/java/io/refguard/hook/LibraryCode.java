package io.refguard.hook;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Tells refguard's own machinery from the code it checks, for every place that names a code site:
 * the checker's sites skip these classes, and so do the explorer's report lines.
 *
 * <p>The rule is an exact list of the packages of refguard's main code: the core's own, and those
 * each module above it declares through a {@link LibraryPackages} service, found once, on first
 * use, through the core's class loader. Any other class is user code, including classes in other
 * {@code io.refguard} packages: the seed cases, the benchmarks' models, and every test, so that
 * their own lines are what reports show.
 */
public final class LibraryCode {

    private static final String ROOT = "io.refguard";

    /** The packages of the core's own main code. */
    private static final List<String> CORE = List.of(ROOT, ROOT + ".hook", ROOT + ".swap");

    private LibraryCode() {}

    /**
     * The packages, loaded when first needed (the holder-class idiom): every module's services are
     * on the class path by the time a site is first named.
     */
    private static final class Packages {
        static final String[] ALL = load();

        private static String[] load() {
            List<String> all = new ArrayList<>(CORE);
            for (LibraryPackages module :
                    ServiceLoader.load(LibraryPackages.class, LibraryCode.class.getClassLoader())) {
                for (String p : module.packages()) {
                    if (!p.equals(ROOT) && !p.startsWith(ROOT + ".")) {
                        throw new IllegalStateException(
                                module.getClass().getName()
                                        + " declares "
                                        + p
                                        + ", which is not a package of refguard");
                    }
                    all.add(p);
                }
            }
            return all.toArray(new String[0]);
        }
    }

    /**
     * Whether {@code className} (a binary name, as stack frames give it) belongs to refguard's main
     * code. Allocates nothing: it runs for every frame of a site capture.
     */
    public static boolean contains(String className) {
        if (!className.startsWith(ROOT)) {
            return false;
        }
        int end = className.lastIndexOf('.');
        for (String p : Packages.ALL) {
            if (end == p.length() && className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
