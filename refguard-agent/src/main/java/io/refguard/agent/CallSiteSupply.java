package io.refguard.agent;

import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.hook.CallSites;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The agent's side of {@link CallSites}: switches supplied sites on for the JVM, tells which
 * loaders' classes get {@code enter/exit} brackets, and resolves the ids in those brackets.
 *
 * <p>Ids: the id baked into a bracket is the agent's {@link Instructions} id plus one, because
 * {@code CallSites} reserves 0 for "no site" and the agent's ids start at 0.
 *
 * <p>refguard-core is optional for the agent (a program explored without refguard's checker does
 * not have it), so this class names {@code CallSites} only from the nested {@code Linked} class,
 * which is initialized only after {@link #AGENT_SIDE} found refguard-core on the agent's own class
 * path.
 */
final class CallSiteSupply {

    /** The system property that {@code CallSites.SUPPLIED} reads when it initializes. */
    static final String PROPERTY = "refguard.callSites";

    private static final String CLASS_NAME = "io.refguard.hook.CallSites";

    /** {@code CallSites} as the agent's own loader sees it, not initialized; null without core. */
    private static final Class<?> AGENT_SIDE = find(CallSiteSupply.class.getClassLoader());

    private CallSiteSupply() {}

    /**
     * Called from {@code premain}, before any application class runs: sets {@code
     * refguard.callSites=true} unless the user set the property (an explicit {@code false} wins),
     * then initializes {@code CallSites} and installs the resolver.
     *
     * @return whether sites are supplied in this JVM from now on
     */
    static boolean switchOnForJvm() {
        if (AGENT_SIDE == null) {
            return false;
        }
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
        return active();
    }

    /**
     * Whether this JVM takes sites from instrumentation: refguard-core is on the agent's class path
     * and {@code CallSites.SUPPLIED} is true. The first call initializes {@code CallSites} (fixing
     * {@code SUPPLIED} from the property as it is then) and installs the resolver.
     */
    static boolean active() {
        return AGENT_SIDE != null && Linked.ACTIVE;
    }

    /**
     * Whether classes defined by {@code loader} resolve {@code CallSites} to the very class the
     * agent installed its resolver in; brackets in classes that see another copy (or none) would
     * reach a table that knows nothing of the agent's ids, or fail to link.
     */
    static boolean seenBy(ClassLoader loader) {
        return AGENT_SIDE != null && find(loader) == AGENT_SIDE;
    }

    /** The id a bracket passes to {@code CallSites.enter} for the agent's site {@code siteId}. */
    static int callSiteId(int siteId) {
        return siteId + 1;
    }

    private static Class<?> find(ClassLoader loader) {
        try {
            return Class.forName(CLASS_NAME, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Everything that links against {@code CallSites}; initialized only when core is present. */
    private static final class Linked {

        private static final VarHandle ELEMENT =
                MethodHandles.arrayElementVarHandle(StackTraceElement[].class);

        /**
         * Resolved locations by bracket id, filled on first use. Invariant: an element, once set,
         * never changes; elements are stored with release and read with acquire semantics, so a
         * reader that sees an element sees it fully constructed. The array is replaced by a larger
         * copy under the class lock, and the copy is published by the volatile write: a reader
         * holding the older array only misses elements and takes the slow path.
         */
        private static volatile StackTraceElement[] resolved = new StackTraceElement[1024];

        static final boolean ACTIVE = switchOn();

        private static boolean switchOn() {
            if (!CallSites.SUPPLIED) {
                return false;
            }
            CallSites.installResolver(Linked::resolve);
            return true;
        }

        /** The location of bracket id {@code id}, or null for an id the agent never issued. */
        static StackTraceElement resolve(int id) {
            StackTraceElement[] table = resolved;
            if (id > 0 && id < table.length) {
                StackTraceElement known = (StackTraceElement) ELEMENT.getAcquire(table, id);
                if (known != null) {
                    return known;
                }
            }
            return resolveSlowly(id);
        }

        private static synchronized StackTraceElement resolveSlowly(int id) {
            if (id <= 0 || id > Instructions.count()) {
                return null;
            }
            StackTraceElement[] table = resolved;
            if (id >= table.length) {
                table = Arrays.copyOf(table, Math.max(id + 1, table.length * 2));
                resolved = table;
            }
            StackTraceElement known = (StackTraceElement) ELEMENT.getAcquire(table, id);
            if (known == null) {
                Instruction site = Instructions.get(id - 1);
                known =
                        new StackTraceElement(
                                site.className(), site.methodName(), site.fileName(), site.line());
                ELEMENT.setRelease(table, id, known);
            }
            return known;
        }
    }
}
