package io.refguard.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JDK's own locking methods of a {@code ReentrantLock} whose class, the program's, overrides
 * some of them: what its {@code super.lock()} runs, and what refguard's model calls to take and
 * give back the real lock without running the program's override again. A method the class does not
 * override is called as usual; one it overrides through a handle that calls {@code ReentrantLock}'s
 * own implementation ({@link MethodHandles.Lookup#findSpecial}), made once per class. Public only
 * so that refguard's model and injected code can call it.
 */
public final class SuperLocks {

    private SuperLocks() {}

    /** {@code ReentrantLock}'s own methods for one class; null for those it does not override. */
    private record Handles(
            MethodHandle lock,
            MethodHandle lockInterruptibly,
            MethodHandle tryLock,
            MethodHandle tryLockTimed,
            MethodHandle unlock) {}

    private static final Handles NONE = new Handles(null, null, null, null, null);

    private static final ClassValue<Handles> HANDLES =
            new ClassValue<>() {
                @Override
                protected Handles computeValue(Class<?> type) {
                    if (type == ReentrantLock.class
                            || type.getClassLoader() == null
                            || !ReentrantLock.class.isAssignableFrom(type)) {
                        return NONE;
                    }
                    MethodType v = MethodType.methodType(void.class);
                    MethodType z = MethodType.methodType(boolean.class);
                    MethodType zt =
                            MethodType.methodType(boolean.class, long.class, TimeUnit.class);
                    return new Handles(
                            special(type, "lock", v),
                            special(type, "lockInterruptibly", v),
                            special(type, "tryLock", z),
                            special(type, "tryLock", zt),
                            special(type, "unlock", v));
                }
            };

    /** Whether {@code type}, a class of the program, overrides {@code ReentrantLock.name(...)}. */
    public static boolean overrides(Class<?> type, String name) {
        Handles h = HANDLES.get(type);
        return switch (name) {
            case "lock" -> h.lock != null;
            case "lockInterruptibly" -> h.lockInterruptibly != null;
            case "tryLock" -> h.tryLock != null || h.tryLockTimed != null;
            case "unlock" -> h.unlock != null;
            default -> false;
        };
    }

    /** {@code op} of {@code ReentrantLock} itself on {@code l}: what {@code super.op} runs. */
    static boolean run(ReentrantLock l, LockOp op, long time, TimeUnit unit)
            throws InterruptedException {
        switch (op) {
            case LOCK -> lock(l);
            case LOCK_INTERRUPTIBLY -> lockInterruptibly(l);
            case TRY_LOCK -> {
                return tryLock(l);
            }
            case TRY_LOCK_TIMED -> {
                return tryLock(l, time, unit);
            }
        }
        return true;
    }

    /** {@code ReentrantLock.lock()} of {@code l}, not its class's override. */
    public static void lock(ReentrantLock l) {
        MethodHandle h = HANDLES.get(l.getClass()).lock;
        if (h == null) {
            l.lock();
        } else {
            invoke(h, l);
        }
    }

    /** {@code ReentrantLock.lockInterruptibly()} of {@code l}, not its class's override. */
    public static void lockInterruptibly(ReentrantLock l) throws InterruptedException {
        MethodHandle h = HANDLES.get(l.getClass()).lockInterruptibly;
        if (h == null) {
            l.lockInterruptibly();
        } else {
            invoke(h, l);
        }
    }

    /** {@code ReentrantLock.tryLock()} of {@code l}, not its class's override. */
    public static boolean tryLock(ReentrantLock l) {
        MethodHandle h = HANDLES.get(l.getClass()).tryLock;
        return h == null ? l.tryLock() : (Boolean) invoke(h, l);
    }

    /** {@code ReentrantLock.tryLock(time, unit)} of {@code l}, not its class's override. */
    public static boolean tryLock(ReentrantLock l, long time, TimeUnit unit)
            throws InterruptedException {
        MethodHandle h = HANDLES.get(l.getClass()).tryLockTimed;
        return h == null ? l.tryLock(time, unit) : (Boolean) invoke(h, l, time, unit);
    }

    /** {@code ReentrantLock.unlock()} of {@code l}, not its class's override. */
    public static void unlock(ReentrantLock l) {
        MethodHandle h = HANDLES.get(l.getClass()).unlock;
        if (h == null) {
            l.unlock();
        } else {
            invoke(h, l);
        }
    }

    /**
     * {@code ReentrantLock}'s own {@code name} as {@code type}'s {@code super.name}, when a class
     * of the program between them declares it; else null.
     */
    private static MethodHandle special(Class<?> type, String name, MethodType mt) {
        boolean declared = false;
        for (Class<?> c = type; c != ReentrantLock.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, mt.parameterArray());
                declared = true;
                break;
            } catch (NoSuchMethodException inherited) {
                // look further up
            }
        }
        if (!declared) {
            return null;
        }
        // a super call from the class right below ReentrantLock reaches ReentrantLock's own
        Class<?> below = type;
        while (below.getSuperclass() != ReentrantLock.class) {
            below = below.getSuperclass();
        }
        try {
            MethodHandles.Lookup in = MethodHandles.privateLookupIn(below, MethodHandles.lookup());
            return in.findSpecial(ReentrantLock.class, name, mt, below);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "refguard cannot call ReentrantLock."
                            + name
                            + " of "
                            + type.getName()
                            + ", which overrides it: "
                            + e,
                    e);
        }
    }

    private static Object invoke(MethodHandle h, Object... args) {
        try {
            return h.invokeWithArguments(args);
        } catch (Throwable t) {
            throw SuperLocks.<RuntimeException>sneaky(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
