package io.refguard.hook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Tells refguard's own machinery from the code it checks, for every place that names a code site:
 * the checker's sites skip these classes, and so do the explorer's report lines.
 *
 * <p>The rule is an exact list of the packages of refguard's main code: the core's own, and those
 * each module above it declares in a resource of its own, {@value #DECLARATIONS} (one package per
 * line; {@code #} starts a comment), read once, on first use, through the core's class loader. A
 * resource rather than a service class, so that a module declares its frames without a public type.
 * Any other class is user code, including classes in other {@code io.refguard} packages: the seed
 * cases, the benchmarks' models, and every test, so that their own lines are what reports show.
 */
public final class LibraryCode {

    private static final String ROOT = "io.refguard";

    /** The packages of the core's own main code. */
    private static final List<String> CORE = List.of(ROOT, ROOT + ".hook", ROOT + ".swap");

    /** The resource in which each module lists the packages of its main code. */
    public static final String DECLARATIONS = "META-INF/refguard/library-packages";

    private LibraryCode() {}

    /**
     * The packages, loaded when first needed (the holder-class idiom): every module's services are
     * on the class path by the time a site is first named.
     */
    private static final class Packages {
        static final String[] ALL = load();

        private static String[] load() {
            List<String> all = new ArrayList<>(CORE);
            ClassLoader loader = LibraryCode.class.getClassLoader();
            try {
                Enumeration<URL> files =
                        loader == null
                                ? ClassLoader.getSystemResources(DECLARATIONS)
                                : loader.getResources(DECLARATIONS);
                while (files.hasMoreElements()) {
                    URL file = files.nextElement();
                    for (String p : read(file)) {
                        if (!p.equals(ROOT) && !p.startsWith(ROOT + ".")) {
                            throw new IllegalStateException(
                                    file
                                            + " declares "
                                            + p
                                            + ", which is not a package of refguard");
                        }
                        all.add(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DECLARATIONS, e);
            }
            return all.toArray(new String[0]);
        }

        private static List<String> read(URL file) throws IOException {
            List<String> packages = new ArrayList<>();
            try (BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    int comment = line.indexOf('#');
                    String p = (comment < 0 ? line : line.substring(0, comment)).trim();
                    if (!p.isEmpty()) {
                        packages.add(p);
                    }
                }
            }
            return packages;
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
