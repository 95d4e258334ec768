package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.corpus.Monitors;
import example.corpus.NothingToIntercept;
import example.corpus.VolatileFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The transformer's guarantees: never throws, skips what it must, and the shape it produces. */
class TransformerTest {

    private static final ClassLoader APP = TransformerTest.class.getClassLoader();

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = APP.getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    @Test
    void unreadableClassFileIsLoggedAndLeftAlone() {
        RefguardTransformer t = new RefguardTransformer(Corpus.OPTIONS);
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, 0, 1, 2, 3};
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertNull(t.transform(APP, "example/corpus/Broken", null, null, garbage));
        } finally {
            System.setErr(before);
        }
        assertEquals(1, t.failureCount());
        assertEquals(0, t.instrumentedCount());
        String logged = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        // the file is at fault, not refguard: no request to report it
        org.junit.jupiter.api.Assertions.assertTrue(
                logged.contains("example.corpus.Broken is not a valid class file")
                        && logged.contains("recompile it")
                        && !logged.contains("report"),
                logged);
    }

    @Test
    void bootClassesExcludedClassesAndRedefinitionsAreLeftAlone() throws IOException {
        RefguardTransformer t = new RefguardTransformer(Corpus.OPTIONS);
        byte[] original = bytes(VolatileFields.class);
        String name = internal(VolatileFields.class);
        assertNull(t.transform(null, name, null, null, original));
        assertNull(t.transform(ClassLoader.getPlatformClassLoader(), name, null, null, original));
        assertNull(t.transform(APP, name, VolatileFields.class, null, original));
        RefguardTransformer excluding =
                new RefguardTransformer(Corpus.OPTIONS.withExclude("example.corpus.Volatile*"));
        assertNull(excluding.transform(APP, name, null, null, original));
        assertNotNull(t.transform(APP, name, null, null, original));
        assertEquals(0, t.failureCount() + excluding.failureCount());
    }

    @Test
    void anInstrumentedClassIsNotInstrumentedAgain() throws IOException {
        RefguardTransformer t = new RefguardTransformer(Corpus.OPTIONS);
        String name = internal(Monitors.class);
        byte[] once = t.transform(APP, name, null, null, bytes(Monitors.class));
        assertNotNull(once);
        assertNull(t.transform(APP, name, null, null, once));
        assertEquals(1, t.instrumentedCount());
        assertEquals(0, t.failureCount());
    }

    @Test
    void loaderThatCannotSeeTheBridgeIsLeftAlone() throws IOException {
        ClassLoader isolated = new ClassLoader(ClassLoader.getPlatformClassLoader()) {};
        RefguardTransformer t = new RefguardTransformer(Corpus.OPTIONS);
        assertNull(
                t.transform(
                        isolated,
                        internal(VolatileFields.class),
                        null,
                        null,
                        bytes(VolatileFields.class)));
        assertEquals(0, t.failureCount());
    }

    @Test
    void classWithNothingToInterceptGetsOnlyItsIdentityHash() throws Exception {
        RefguardTransformer t = new RefguardTransformer(Corpus.OPTIONS);
        byte[] out =
                t.transform(
                        APP,
                        internal(NothingToIntercept.class),
                        null,
                        null,
                        bytes(NothingToIntercept.class));
        ClassNode node = new ClassNode();
        new ClassReader(out).accept(node, 0);
        ClassNode original = new ClassNode();
        new ClassReader(bytes(NothingToIntercept.class)).accept(original, 0);
        assertEquals(List.of("io/refguard/agent/bridge/IdentityHashed"), node.interfaces);
        List<String> added = new ArrayList<>();
        for (MethodNode m : node.methods) {
            added.add(m.name + m.desc);
        }
        for (MethodNode m : original.methods) {
            added.remove(m.name + m.desc);
        }
        assertEquals(List.of("hashCode()I", "$refguard$identityHash()I"), added);
        assertEquals(original.fields.size() + 1, node.fields.size());
    }

    @Test
    void classWithItsOwnHashCodeAndNothingToInterceptIsNotRewritten() throws IOException {
        RefguardTransformer t = new RefguardTransformer(Corpus.OPTIONS);
        assertNull(
                t.transform(
                        APP,
                        internal(NothingToIntercept.OwnHash.class),
                        null,
                        null,
                        bytes(NothingToIntercept.OwnHash.class)));
        assertEquals(0, t.instrumentedCount());
    }

    @Test
    void methodsWithMonitorsAreSplitIntoARealAndAModeledCopy() throws IOException {
        RefguardTransformer t = new RefguardTransformer(Corpus.OPTIONS);
        byte[] out = t.transform(APP, internal(Monitors.class), null, null, bytes(Monitors.class));
        ClassNode node = new ClassNode();
        new ClassReader(out).accept(node, 0);
        Map<String, MethodNode> methods = new HashMap<>();
        for (MethodNode m : node.methods) {
            methods.put(m.name, m);
        }
        MethodNode dispatcher = methods.get("incSync");
        MethodNode real = methods.get("incSync$refguard$real");
        MethodNode modeled = methods.get("incSync$refguard$modeled");
        assertFalse(isSynchronized(dispatcher), "the dispatcher must not take the real monitor");
        assertTrue(calls(dispatcher, "modelsMonitors"));
        assertTrue(isSynchronized(real), "the real copy keeps ACC_SYNCHRONIZED");
        assertFalse(isSynchronized(modeled));
        assertTrue(calls(modeled, "monitorEnter") && calls(modeled, "monitorExit"));
        for (MethodNode copy : new MethodNode[] {real, modeled}) {
            assertTrue((copy.access & Opcodes.ACC_PRIVATE) != 0);
            assertTrue((copy.access & Opcodes.ACC_SYNTHETIC) != 0);
        }
        assertEquals(
                2,
                count(methods.get("incBlock$refguard$real"), Opcodes.MONITOREXIT),
                "the real copy keeps javac's monitorexit instructions");
        assertEquals(0, count(methods.get("incBlock$refguard$modeled"), Opcodes.MONITORENTER));
        MethodNode constructor = methods.get("<init>");
        assertTrue(
                calls(constructor, "enterTarget") && calls(constructor, "exitTarget"),
                "constructors are not split; their monitors lock the bridge's target");
    }

    @Test
    void dumpWritesTheInstrumentedClassFile(@TempDir Path dir) throws IOException {
        RefguardTransformer t =
                new RefguardTransformer(
                        AgentOptions.parse(
                                "include=example.corpus.*;dump=" + dir,
                                new java.util.Properties()));
        byte[] out =
                t.transform(
                        APP,
                        internal(VolatileFields.class),
                        null,
                        null,
                        bytes(VolatileFields.class));
        Path dumped = dir.resolve("example/corpus/VolatileFields.class");
        assertTrue(Files.exists(dumped));
        assertEquals(
                java.util.Arrays.toString(out),
                java.util.Arrays.toString(Files.readAllBytes(dumped)));
    }

    private static boolean isSynchronized(MethodNode m) {
        return (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
    }

    private static boolean calls(MethodNode m, String name) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int count(MethodNode m, int opcode) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            n += insn.getOpcode() == opcode ? 1 : 0;
        }
        return n;
    }
}
