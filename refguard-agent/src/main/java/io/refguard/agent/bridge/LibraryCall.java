package io.refguard.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;

/**
 * One call on a JDK library object made by instrumented code on a managed thread, handed to {@link
 * SyncInterceptor#libraryCall}: the method's name, the receiver and arguments, and the means to
 * make the original call ({@link #proceed()}) or, for a {@code *Async} method of a {@code
 * CompletionStage} called without an executor, the same call with one ({@link
 * #proceedWith(Executor)}).
 */
public final class LibraryCall {

    private final int site;
    private final String name;
    private final boolean isStatic;
    private final boolean special;
    private final MethodHandle spread;
    private final MethodHandle withExecutor;
    private final Object[] args;
    private final MethodType type;

    LibraryCall(
            int site,
            String name,
            boolean isStatic,
            boolean special,
            MethodType type,
            MethodHandle spread,
            MethodHandle withExecutor,
            Object[] args) {
        this.type = type;
        this.site = site;
        this.name = name;
        this.isStatic = isStatic;
        this.special = special;
        this.spread = spread;
        this.withExecutor = withExecutor;
        this.args = args;
    }

    /** The {@linkplain Instructions site} of the call. */
    public int site() {
        return site;
    }

    /** The method's name ({@code put}, {@code compute}). */
    public String name() {
        return name;
    }

    /** Whether the method is static (then there is no receiver). */
    public boolean isStatic() {
        return isStatic;
    }

    /**
     * Whether this is a {@code super.m(...)} call of the program's subclass to the JDK class it
     * extends ({@code super.execute(task)} in a {@code ThreadPoolExecutor} subclass): {@link
     * #proceed()} runs the JDK's method, not the override.
     */
    public boolean isSuperCall() {
        return special;
    }

    /** The receiver, or {@code null} for a static method. */
    public Object receiver() {
        return isStatic ? null : args[0];
    }

    /** The number of arguments, the receiver not counted. */
    public int argumentCount() {
        return isStatic ? args.length : args.length - 1;
    }

    /** Argument {@code i} (from 0, the receiver not counted), boxed. */
    public Object argument(int i) {
        return args[isStatic ? i : i + 1];
    }

    /** The method's type as the call site names it, without the receiver. */
    public MethodType methodType() {
        return isStatic ? type : type.dropParameterTypes(0, 1);
    }

    /**
     * Makes the original call with argument {@code i} (from 0, the receiver not counted) replaced
     * by {@code value}.
     */
    public Object proceedReplacing(int i, Object value) throws Throwable {
        Object[] copy = args.clone();
        copy[isStatic ? i : i + 1] = value;
        return spread.invokeExact(copy);
    }

    /** Makes the original call and returns its result (boxed; {@code null} for void). */
    public Object proceed() throws Throwable {
        return spread.invokeExact(args);
    }

    /**
     * Whether this is a {@code *Async} method called without an executor, which {@link
     * #proceedWith(Executor)} can redirect.
     */
    public boolean usesDefaultExecutor() {
        return withExecutor != null;
    }

    /** Makes the call with {@code executor} appended to the arguments. */
    public Object proceedWith(Executor executor) throws Throwable {
        Object[] more = java.util.Arrays.copyOf(args, args.length + 1);
        more[args.length] = executor;
        return withExecutor.invokeExact(more);
    }
}
