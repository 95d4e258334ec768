package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.corpus.RefUses;
import example.sitehelper.Forwarding;
import example.sites.SitesDemo;
import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.hook.CallSites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The shape of supplied-site brackets ({@code CallSites.enter(id)} before a call into refguard's
 * reference API, its slot kept in a local, {@code CallSites.exit(slot)} after it), and that nothing
 * changes where they are not wanted. This test JVM does not set {@code refguard.callSites}, so
 * brackets forced into a class run as no-ops here; the child-JVM test {@code CallSitesIT} runs them
 * for real.
 */
class SuppliedSitesTest {

    private static final ClassLoader APP = SuppliedSitesTest.class.getClassLoader();
    private static final String CALL_SITES = "io/refguard/hook/CallSites";

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = APP.getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static byte[] bracketed(Class<?> c) throws IOException {
        return ClassInstrumenter.instrument(bytes(c), APP, Corpus.OPTIONS, true).bytes();
    }

    /** One bracket found in a method: the call it surrounds, its line and its id's site. */
    private record Bracket(MethodNode method, MethodInsnNode call, int line, Instruction site) {}

    /**
     * Every bracket in {@code node}, checked for shape: push of an id, {@code enter}, a store of
     * its slot, the call, a load of that slot, {@code exit}, with nothing else between; and no
     * {@code enter} or {@code exit} elsewhere.
     */
    private static List<Bracket> brackets(ClassNode node) {
        List<Bracket> found = new ArrayList<>();
        for (MethodNode m : node.methods) {
            int line = -1;
            int enters = 0;
            int exits = 0;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LineNumberNode ln) {
                    line = ln.line;
                }
                if (isCallSites(insn, "exit")) {
                    exits++;
                }
                if (!isCallSites(insn, "enter")) {
                    continue;
                }
                enters++;
                AbstractInsnNode store = insn.getNext();
                assertTrue(
                        store.getOpcode() == Opcodes.ASTORE,
                        "enter's slot must be stored at once in " + m.name);
                int local = ((VarInsnNode) store).var;
                AbstractInsnNode call = store.getNext();
                assertInstanceOf(
                        MethodInsnNode.class,
                        call,
                        "enter must come right before the call in " + m.name);
                AbstractInsnNode load = call.getNext();
                assertTrue(
                        load.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) load).var == local,
                        "the slot must be loaded right after the call in " + m.name);
                assertTrue(
                        isCallSites(load.getNext(), "exit"),
                        "exit must come right after the call in " + m.name + " line " + line);
                int id = constant(insn.getPrevious());
                assertTrue(id > 0, "bracket ids start at 1: 0 means no site to CallSites");
                found.add(new Bracket(m, (MethodInsnNode) call, line, Instructions.get(id - 1)));
            }
            assertEquals(enters, exits, "unpaired enter/exit in " + m.name);
        }
        return found;
    }

    private static boolean isCallSites(AbstractInsnNode insn, String name) {
        return insn instanceof MethodInsnNode call
                && call.getOpcode() == Opcodes.INVOKESTATIC
                && call.owner.equals(CALL_SITES)
                && call.name.equals(name);
    }

    private static int constant(AbstractInsnNode insn) {
        if (insn instanceof InsnNode i
                && i.getOpcode() >= Opcodes.ICONST_M1
                && i.getOpcode() <= Opcodes.ICONST_5) {
            return i.getOpcode() - Opcodes.ICONST_0;
        }
        if (insn instanceof IntInsnNode i) {
            return i.operand;
        }
        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Integer value) {
            return value;
        }
        throw new AssertionError("enter's argument is not a constant: " + insn);
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static int count(ClassNode node, String owner) {
        int n = 0;
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                n += insn instanceof MethodInsnNode call && call.owner.equals(owner) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void everyCallIntoTheReferenceApiIsBracketedAndNothingElse() throws IOException {
        SourceMarkers markers = SourceMarkers.of(RefUses.class);
        Set<Integer> expected = markers.linesStartingWith("ref ");
        Set<Integer> lookalikes = markers.linesStartingWith("other ");

        List<Bracket> found = brackets(read(bracketed(RefUses.class)));

        Set<Integer> lines = new TreeSet<>();
        for (Bracket b : found) {
            lines.add(b.line());
            assertEquals(b.line(), b.site().line(), "the id names another line: " + b.site());
            assertEquals(RefUses.class.getName(), b.site().className());
            assertEquals(b.method().name, b.site().methodName());
            assertEquals("RefUses.java", b.site().fileName());
            assertEquals(
                    b.call().name + "()",
                    b.site().operation().substring(b.site().operation().indexOf('.') + 1));
        }
        assertEquals(expected, lines, "lines with brackets");
        assertEquals(expected.size(), found.size(), "one bracket per marked call");
        for (int line : lookalikes) {
            assertFalse(lines.contains(line), "a lookalike call was bracketed at line " + line);
        }
    }

    @Test
    void bracketsChangeNothingAtRunTimeWhenSitesAreNotSupplied() throws Exception {
        assertFalse(CallSites.SUPPLIED, "this test JVM must not set refguard.callSites");
        byte[] rewritten = bracketed(RefUses.class);
        ClassLoader own =
                new ClassLoader(APP) {
                    @Override
                    protected Class<?> loadClass(String name, boolean resolve)
                            throws ClassNotFoundException {
                        synchronized (getClassLoadingLock(name)) {
                            if (!name.equals(RefUses.class.getName())) {
                                return super.loadClass(name, resolve);
                            }
                            Class<?> c = findLoadedClass(name);
                            return c != null
                                    ? c
                                    : defineClass(name, rewritten, 0, rewritten.length);
                        }
                    }
                };
        Callable<?> instrumented =
                (Callable<?>)
                        Class.forName(RefUses.class.getName(), true, own)
                                .getDeclaredConstructor()
                                .newInstance();
        assertEquals(own, instrumented.getClass().getClassLoader());
        String plain = new RefUses().call();
        assertEquals(
                "open=true forwardedOpen=true lookalikeOpen=true count=1 same=true frees=1"
                        + " alive=false",
                plain);
        assertEquals(plain, instrumented.call());
    }

    @Test
    void withoutBracketsAClassWithOnlyReferenceCallsIsLeftAlone() throws IOException {
        ClassInstrumenter.Result r =
                ClassInstrumenter.instrument(bytes(RefUses.class), APP, Corpus.OPTIONS, false);
        assertEquals(
                0,
                r == null ? 0 : r.rewrites(),
                "RefUses has nothing but calls into refguard to instrument (and gets only its identity hash)");
        assertTrue(CallSiteSupply.seenBy(APP));
        ClassLoader isolated = new ClassLoader(ClassLoader.getPlatformClassLoader()) {};
        assertFalse(
                CallSiteSupply.seenBy(isolated),
                "a loader that cannot see refguard-core must get no brackets");
    }

    @Test
    void theInstrumentingLoaderWithoutTheSystemPropertyWalksTheStackAsBefore(@TempDir Path dump)
            throws Exception {
        InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        APP,
                        AgentOptions.parse(
                                "include=example.sites.*;dump=" + dump,
                                new java.util.Properties()));
        @SuppressWarnings("unchecked")
        List<String> lines =
                (List<String>)
                        Class.forName(SitesDemo.class.getName(), true, loader)
                                .getMethod("run")
                                .invoke(null);
        Path demo = dump.resolve("example/sites/SitesDemo.class");
        assertTrue(Files.exists(demo), "the demo was not instrumented");
        assertEquals(
                0,
                count(read(Files.readAllBytes(demo)), CALL_SITES),
                "brackets emitted although this JVM does not take supplied sites");
        SourceMarkers helper = SourceMarkers.of(Forwarding.class);
        SourceMarkers demoMarkers = SourceMarkers.of(SitesDemo.class);
        assertEquals(
                "released="
                        + Forwarding.class.getName()
                        + ".close(Forwarding.java:"
                        + helper.line("forwarded close")
                        + ")",
                lines.get(0));
        assertEquals(
                "acquired="
                        + SitesDemo.class.getName()
                        + ".acquireLocked" // the split method, under the name it was written with
                        + "(SitesDemo.java:"
                        + demoMarkers.line("acquire")
                        + ")",
                lines.get(2));
        assertEquals("supplied=false", lines.get(lines.size() - 1));
        assertEquals(0, loader.transformer().failureCount());
    }
}
