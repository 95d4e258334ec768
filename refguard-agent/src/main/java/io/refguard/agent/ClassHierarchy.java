package io.refguard.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Supertypes, field modifiers and {@code hashCode()} declarations of classes, read from their class
 * files as resources of the defining loader, never by loading them: asking a loader for a class
 * while it defines another can load classes early, through the wrong loader, or deadlock.
 *
 * <p>Results are cached per loader (weakly, so a discarded loader is not retained). A class file
 * that cannot be read counts as unknown: every question about it answers "no", which at worst
 * leaves an operation uninstrumented.
 */
final class ClassHierarchy {

    /**
     * Header facts of one class file; {@code hashes}: it declares {@code hashCode()}, so it and its
     * subclasses do not hash by identity; {@code lockMethods}: which of {@code ReentrantLock}'s
     * methods that a subclass's {@code super} call reaches on the model it declares ({@link
     * MethodRewriter#SUPER_LOCKS}, by name and descriptor).
     */
    record Info(
            String superName,
            String[] interfaces,
            Map<String, Integer> fieldAccess,
            boolean hashes,
            Set<String> lockMethods) {}

    /** The {@link Info#lockMethods} among the methods {@code names} (name and descriptor). */
    static Set<String> lockMethods(Iterable<String> names) {
        Set<String> found = null;
        for (String n : names) {
            if (MethodRewriter.SUPER_LOCKS.containsKey(n)) {
                if (found == null) {
                    found = new HashSet<>();
                }
                found.add(n);
            }
        }
        return found == null ? Set.of() : found;
    }

    /**
     * Whether a call of {@code nameAndDesc} on class {@code owner} runs {@code ReentrantLock}'s own
     * method: {@code owner} is {@code ReentrantLock}, or a subclass of it none of whose classes up
     * to it declares that method. False when a class file on the way cannot be read.
     */
    boolean reachesReentrantLock(String owner, String nameAndDesc) {
        String name = owner;
        for (int depth = 0; depth < 64 && name != null; depth++) {
            if (name.equals("java/util/concurrent/locks/ReentrantLock")) {
                return true;
            }
            if (name.startsWith("java/")) {
                return false;
            }
            Info info = info(name);
            if (info == null || info.lockMethods().contains(nameAndDesc)) {
                return false;
            }
            name = info.superName();
        }
        return false;
    }

    private static final Object BOOT = new Object();
    private static final Map<Object, Map<String, Optional<Info>>> CACHE = new WeakHashMap<>();

    private final ClassLoader loader;
    private final Map<String, Optional<Info>> cache;
    private final String selfName;
    private final Info self;

    /**
     * @param loader the loader defining the class being instrumented ({@code null} for boot)
     * @param selfName internal name of the class being instrumented, whose facts are given directly
     *     because its class file may not exist as a resource
     */
    ClassHierarchy(ClassLoader loader, String selfName, Info self) {
        this.loader = loader;
        this.selfName = selfName;
        this.self = self;
        synchronized (CACHE) {
            this.cache =
                    CACHE.computeIfAbsent(
                            loader == null ? BOOT : loader, k -> new ConcurrentHashMap<>());
        }
    }

    /** Whether {@code type} is {@code target} or a subclass or subinterface of it. */
    boolean isSubtype(String type, String target) {
        if (type.equals(target)) {
            return true;
        }
        if (type.startsWith("[")) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>();
        work.add(type);
        while (!work.isEmpty()) {
            String name = work.poll();
            if (name.equals(target)) {
                return true;
            }
            if (!seen.add(name) || name.equals("java/lang/Object")) {
                continue;
            }
            Info info = info(name);
            if (info != null) {
                if (info.superName() != null) {
                    work.add(info.superName());
                }
                for (String i : info.interfaces()) {
                    work.add(i);
                }
            }
        }
        return false;
    }

    /**
     * The first JDK class ({@code java/...}) among the superclasses of {@code type} ({@code type}
     * itself when it is one), or null when a class file on the way cannot be read.
     */
    String jdkSuperclass(String type) {
        String name = type;
        for (int depth = 0; depth < 64 && name != null; depth++) {
            if (name.startsWith("java/")) {
                return name;
            }
            Info info = info(name);
            name = info == null ? null : info.superName();
        }
        return null;
    }

    /**
     * The access flags of field {@code name:desc} as a {@code getfield}/{@code putfield} on {@code
     * owner} resolves it (JVMS 5.4.3.2: the owner, its superinterfaces, its superclasses), or -1
     * when it cannot be resolved from class files.
     */
    int fieldAccess(String owner, String name, String desc) {
        String key = name + ':' + desc;
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>();
        work.add(owner);
        while (!work.isEmpty()) {
            String type = work.poll();
            if (!seen.add(type)) {
                continue;
            }
            Info info = info(type);
            if (info == null) {
                continue;
            }
            Integer access = info.fieldAccess().get(key);
            if (access != null) {
                return access;
            }
            for (String i : info.interfaces()) {
                work.add(i);
            }
            if (info.superName() != null) {
                work.add(info.superName());
            }
        }
        return -1;
    }

    /**
     * Whether instances of class {@code type} hash by identity: neither it nor a superclass below
     * {@code Object} declares {@code hashCode()}. A class whose file cannot be read counts as not.
     */
    boolean inheritsIdentityHash(String type) {
        String name = type;
        for (int depth = 0; depth < 64 && !name.equals("java/lang/Object"); depth++) {
            Info info = info(name);
            if (info == null || info.hashes() || info.superName() == null) {
                return false;
            }
            name = info.superName();
        }
        return name.equals("java/lang/Object");
    }

    private Info info(String name) {
        if (name.equals(selfName)) {
            return self;
        }
        return cache.computeIfAbsent(name, this::read).orElse(null);
    }

    private Optional<Info> read(String name) {
        String resource = name + ".class";
        boolean jdk = name.startsWith("java/") || name.startsWith("javax/");
        try (InputStream in =
                loader == null || jdk
                        ? ClassLoader.getSystemResourceAsStream(resource)
                        : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new ClassReader(in.readAllBytes())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The header facts of {@code reader}'s class. */
    static Info parse(ClassReader reader) {
        Map<String, Integer> fields = new HashMap<>();
        String[] header = new String[1];
        String[][] interfaces = new String[1][];
        boolean[] hashes = new boolean[1];
        java.util.List<String> methods = new java.util.ArrayList<>();
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(
                            int version,
                            int access,
                            String name,
                            String signature,
                            String superName,
                            String[] ifaces) {
                        header[0] = superName;
                        interfaces[0] = ifaces == null ? new String[0] : ifaces;
                    }

                    @Override
                    public FieldVisitor visitField(
                            int access,
                            String name,
                            String descriptor,
                            String signature,
                            Object value) {
                        fields.put(name + ':' + descriptor, access);
                        return null;
                    }

                    @Override
                    public MethodVisitor visitMethod(
                            int access,
                            String name,
                            String descriptor,
                            String signature,
                            String[] exceptions) {
                        hashes[0] |= name.equals("hashCode") && descriptor.equals("()I");
                        methods.add(name + descriptor);
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Info(header[0], interfaces[0], fields, hashes[0], lockMethods(methods));
    }
}
