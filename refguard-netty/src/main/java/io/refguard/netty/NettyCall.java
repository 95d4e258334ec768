package io.refguard.netty;

import java.util.Optional;

/**
 * Which {@code ByteBuf} method the current thread is in: the method of the innermost frame of
 * Netty's leak-aware wrappers. Used only on the error path (a call on a freed buffer), so the stack
 * walk's cost does not matter.
 */
final class NettyCall {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private NettyCall() {}

    /**
     * The wrapper method under way, such as {@code release} or {@code getByte}; {@code "?"} when
     * none.
     */
    static String current() {
        Optional<String> m =
                WALKER.walk(
                        frames ->
                                frames.filter(
                                                f ->
                                                        f.getClassName()
                                                                        .startsWith(
                                                                                "io.netty.buffer.")
                                                                && f.getClassName()
                                                                        .contains("LeakAware")
                                                                && !f.getMethodName()
                                                                        .startsWith("record"))
                                        .map(StackWalker.StackFrame::getMethodName)
                                        .findFirst());
        return m.orElse("?");
    }
}
