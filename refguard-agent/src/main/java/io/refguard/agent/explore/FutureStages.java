package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.runtime.SourceLocator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code CompletableFuture}s that explored code made in one run ({@code runAsync}, {@code
 * thenApply}, ...), and whether the program ever looked at each: called a method on it, or passed
 * it to one ({@code allOf}, {@code thenCombine}). A stage that completed with an exception its
 * callback threw, and that the program never looked at, lost that exception: nothing in the JDK
 * reports it. {@link #lost} names them once the run is over, for {@link RunModel#lostTaskFailures}.
 */
final class FutureStages {

    /** Each stage the program made, and whether it looked at it since. */
    private final Map<CompletableFuture<?>, Boolean> looked = new IdentityHashMap<>();

    /**
     * A call of explored code into the JDK, before it runs: the stages it touches are looked at.
     */
    void before(LibraryCall call) {
        if (call.receiver() instanceof CompletableFuture<?> f) {
            looked.put(f, Boolean.TRUE);
        }
        for (int i = 0; i < call.argumentCount(); i++) {
            Object a = call.argument(i);
            if (a instanceof CompletableFuture<?> f) {
                looked.put(f, Boolean.TRUE);
            } else if (a instanceof CompletableFuture<?>[] all) {
                for (CompletableFuture<?> g : all) {
                    if (g != null) {
                        looked.put(g, Boolean.TRUE);
                    }
                }
            }
        }
    }

    /** What the call returned: a stage the program has not looked at yet. */
    void after(Object result) {
        if (result instanceof CompletableFuture<?> f) {
            looked.putIfAbsent(f, Boolean.FALSE);
        }
    }

    /**
     * The exceptions of the stages never looked at that completed exceptionally, other than by a
     * cancel, as {@code AssertionError: text at File.java:12}.
     */
    List<String> lost() {
        List<String> lost = new ArrayList<>();
        looked.forEach(
                (f, seen) -> {
                    if (seen || !f.isCompletedExceptionally()) {
                        return;
                    }
                    try {
                        f.getNow(null);
                    } catch (CancellationException cancelled) {
                        // the program's cancel, not a failure of its code
                    } catch (CompletionException e) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        String at = SourceLocator.locate(cause);
                        lost.add(cause + (at == null ? "" : " at " + at));
                    }
                });
        return lost;
    }
}
