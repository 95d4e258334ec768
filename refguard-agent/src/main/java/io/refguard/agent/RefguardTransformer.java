package io.refguard.agent;

import io.refguard.agent.bridge.SyncBridge;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The class file transformer that the agent registers and {@link InstrumentingClassLoader} uses.
 *
 * <p>It never throws: a class it cannot instrument is logged in one line on standard error and runs
 * unchanged. It instruments only classes that {@link AgentOptions#instruments} accepts, that are
 * not defined by the boot or platform loader, and whose loader resolves the bridge to the same
 * {@link SyncBridge} class the agent uses (otherwise the injected calls would fail to link or reach
 * a different interceptor). It never retransforms already loaded classes.
 *
 * <p>Calls into refguard's reference API are bracketed for the checker ({@link RefCalls}) only when
 * {@link AgentOptions#sites()} is on, this JVM takes supplied sites ({@code
 * -Drefguard.callSites=true}, which the agent sets) and the class's loader sees the same
 * refguard-core as the agent; otherwise they are left alone and the checker walks the stack.
 */
public final class RefguardTransformer implements ClassFileTransformer {

    private final AgentOptions options;
    private final Map<ClassLoader, Boolean> bridgeVisible = new WeakHashMap<>();
    private final Map<ClassLoader, Boolean> callSitesVisible = new WeakHashMap<>();
    private final AtomicInteger instrumented = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    /** A transformer applying {@code options}. */
    public RefguardTransformer(AgentOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Instruments one class as the {@link ClassFileTransformer} contract describes: returns the new
     * class file, or {@code null} to keep the original.
     */
    @Override
    public byte[] transform(
            ClassLoader loader,
            String className,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain,
            byte[] classfileBuffer) {
        if (className == null
                || classBeingRedefined != null
                || classfileBuffer == null
                || loader == null
                || loader == ClassLoader.getPlatformClassLoader()) {
            return null;
        }
        String binaryName = className.replace('/', '.');
        try {
            if (!options.instruments(binaryName) || !seesOurBridge(loader)) {
                return null;
            }
            return instrument(binaryName, classfileBuffer, loader);
        } catch (Throwable t) {
            failures.incrementAndGet();
            if (!readable(classfileBuffer)) {
                // the program's file, not refguard, is at fault: the JVM will refuse it too
                AgentLog.warn(binaryName + " is not a valid class file (" + t + "); recompile it");
                return null;
            }
            AgentLog.warn(
                    "could not instrument "
                            + binaryName
                            + " ("
                            + t
                            + "); it runs uninstrumented. Exclude it with exclude="
                            + binaryName
                            + ", and please report this with the class file");
            return null;
        }
    }

    /**
     * Whether {@code bytes} is a class file ASM can read at all: the magic number and a full parse.
     */
    static boolean readable(byte[] bytes) {
        if (bytes.length < 10
                || (bytes[0] & 0xFF) != 0xCA
                || (bytes[1] & 0xFF) != 0xFE
                || (bytes[2] & 0xFF) != 0xBA
                || (bytes[3] & 0xFF) != 0xBE) {
            return false;
        }
        try {
            new org.objectweb.asm.ClassReader(bytes)
                    .accept(new org.objectweb.asm.tree.ClassNode(), 0);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Instruments {@code bytes} of class {@code binaryName} for {@code loader} without the
     * transformer's loader checks; returns {@code null} when nothing in it is intercepted.
     */
    byte[] instrument(String binaryName, byte[] bytes, ClassLoader loader) throws IOException {
        ClassInstrumenter.Result result =
                ClassInstrumenter.instrument(bytes, loader, options, suppliesSites(loader));
        if (result == null) {
            return null;
        }
        instrumented.incrementAndGet();
        if (options.verbose()) {
            AgentLog.info(
                    "instrumented "
                            + binaryName
                            + ": "
                            + result.rewrites()
                            + " operations"
                            + (result.notes().isEmpty() ? "" : "; " + result.notes()));
        }
        if (options.dump() != null) {
            Path file = options.dump().resolve(binaryName.replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, result.bytes());
        }
        return result.bytes();
    }

    /** How many classes this transformer has instrumented. */
    public int instrumentedCount() {
        return instrumented.get();
    }

    /** How many classes could not be instrumented and were left unchanged. */
    public int failureCount() {
        return failures.get();
    }

    /** Whether classes of {@code loader} get call-site brackets (see the class comment). */
    private boolean suppliesSites(ClassLoader loader) {
        if (!options.sites() || !CallSiteSupply.active()) {
            return false;
        }
        synchronized (callSitesVisible) {
            Boolean known = callSitesVisible.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean same = CallSiteSupply.seenBy(loader);
        synchronized (callSitesVisible) {
            callSitesVisible.put(loader, same);
        }
        return same;
    }

    private boolean seesOurBridge(ClassLoader loader) {
        synchronized (bridgeVisible) {
            Boolean known = bridgeVisible.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean same;
        try {
            same = Class.forName(SyncBridge.class.getName(), false, loader) == SyncBridge.class;
        } catch (ClassNotFoundException | LinkageError e) {
            same = false;
        }
        if (!same) {
            AgentLog.warn(
                    "classes of "
                            + loader
                            + " do not see the agent's bridge classes (a"
                            + " loader that does not delegate to the application class loader, or a"
                            + " second copy of refguard-agent); they run uninstrumented");
        }
        synchronized (bridgeVisible) {
            bridgeVisible.put(loader, same);
        }
        return same;
    }
}
