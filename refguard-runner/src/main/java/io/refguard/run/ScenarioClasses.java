package io.refguard.run;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.explore.Scenario;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * The scenario-class convention, and loading such classes instrumented.
 *
 * <p>A <em>scenario class</em> declares
 *
 * <pre>{@code
 * public static Scenario<?> scenario() { return Explorer.scenario("...").setup(...)...; }
 * }</pre>
 *
 * <p>and nothing else is asked of it. Loading it through {@link #instrumentingLoader} makes the
 * class and every class its include patterns cover be defined, instrumented, by a loader of their
 * own: their volatile, atomic, lock and monitor operations become scheduling points once the
 * explorer's interceptor is installed, and their static state is fresh for each loader.
 */
public final class ScenarioClasses {

    /** The name of the factory method of the convention. */
    public static final String FACTORY = "scenario";

    private ScenarioClasses() {}

    /**
     * A new loader that defines the classes matching {@code include} itself, instrumented, reading
     * them from {@code source}, and delegates every other class to {@code source}.
     */
    public static ClassLoader instrumentingLoader(ClassLoader source, List<String> include) {
        return new InstrumentingClassLoader(
                source, AgentOptions.defaults().withInclude(include.toArray(new String[0])));
    }

    /**
     * What a class given as a path ({@code demo/Main}, {@code demo/Main.class}, {@code
     * src/demo/Main.java}) was probably meant as: its binary name; else {@code name} itself.
     */
    static String binaryName(String name) {
        String n = name.strip();
        for (String suffix : new String[] {".class", ".java"}) {
            if (n.endsWith(suffix)) {
                n = n.substring(0, n.length() - suffix.length());
            }
        }
        return n.replace('\\', '/').replace('/', '.');
    }

    /**
     * Loads and initializes {@code className} from {@code loader}.
     *
     * @throws ScenarioLoadException when the class is not found or cannot be loaded
     */
    public static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            String binary = binaryName(className);
            throw new ScenarioLoadException(
                    "class "
                            + className
                            + " was not found. Give its binary name"
                            + " (package.Outer$Nested"
                            + (binary.equals(className) ? "" : "; here perhaps " + binary)
                            + ") and put its directory or jar on --classpath.",
                    e);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ScenarioLoadException(
                    "the static initializer of class "
                            + className
                            + " threw "
                            + cause
                            + where(cause)
                            + "; fix the initializer: it runs when the class is loaded.",
                    cause);
        } catch (UnsupportedClassVersionError e) {
            throw new ScenarioLoadException(
                    "class "
                            + className
                            + " was compiled for a newer Java than this one ("
                            + Runtime.version().feature()
                            + "): "
                            + e.getMessage()
                            + ". Run refguard on that Java, or"
                            + " compile for this one.",
                    e);
        } catch (ClassFormatError e) {
            throw new ScenarioLoadException(
                    "the class file of "
                            + className
                            + " is not a valid class file ("
                            + e.getMessage()
                            + "); recompile it.",
                    e);
        } catch (NoClassDefFoundError e) {
            throw new ScenarioLoadException(
                    "class "
                            + className
                            + " uses "
                            + e.getMessage().replace('/', '.')
                            + ", which is not on the class path: add its directory or jar to --classpath.",
                    e);
        } catch (LinkageError e) {
            throw new ScenarioLoadException(
                    "class "
                            + className
                            + " was found but could not be loaded: "
                            + e
                            + ". Recompile it and everything it uses, and put them all on --classpath.",
                    e);
        }
    }

    /** " at File.java:12" for the first frame of {@code t}, or "". */
    private static String where(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length == 0 || st[0].getFileName() == null
                ? ""
                : " at " + st[0].getFileName() + ":" + st[0].getLineNumber();
    }

    /**
     * The class's {@code public static Scenario<?> scenario()} method, or null when it has none.
     */
    public static Method factory(Class<?> c) {
        try {
            Method m = c.getMethod(FACTORY);
            if (Modifier.isStatic(m.getModifiers())
                    && Scenario.class.isAssignableFrom(m.getReturnType())) {
                return m;
            }
            return null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The class's {@code public static void main(String[])} method, or null when it has none. */
    public static Method main(Class<?> c) {
        try {
            Method m = c.getMethod("main", String[].class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == void.class
                    ? m
                    : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Calls {@code c}'s scenario factory.
     *
     * @throws ScenarioLoadException when the class has no factory, or the factory throws or returns
     *     null
     */
    public static Scenario<?> scenario(Class<?> c) {
        Method m = factory(c);
        if (m == null) {
            throw new ScenarioLoadException(
                    "class "
                            + c.getName()
                            + " has no method 'public static Scenario<?> "
                            + FACTORY
                            + "()'. Add one that builds the scenario with Explorer.scenario(...), or give a"
                            + " class with a main method to explore the whole program.");
        }
        try {
            m.setAccessible(true); // a public method of a non-public class
            Object s = m.invoke(null);
            if (s == null) {
                throw new ScenarioLoadException(
                        c.getName()
                                + "."
                                + FACTORY
                                + "() returned null; return the"
                                + " scenario built with Explorer.scenario(...).");
            }
            return (Scenario<?>) s;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ScenarioLoadException(
                    c.getName()
                            + "."
                            + FACTORY
                            + "() threw "
                            + cause
                            + "; fix the factory: it must only build the scenario.",
                    cause);
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof ScenarioLoadException) {
                throw (ScenarioLoadException) e;
            }
            throw new ScenarioLoadException(
                    "cannot call "
                            + c.getName()
                            + "."
                            + FACTORY
                            + "(): "
                            + e
                            + ". Make the method public and static.",
                    e);
        }
    }
}
