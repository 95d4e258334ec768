package example.jdk;

import java.util.concurrent.CompletableFuture;

/**
 * A check in a {@code CompletableFuture} stage that nothing joins: when the check fails, the stage
 * keeps the error and the program ends normally. {@link Joined} joins it, {@link Handled} handles
 * the error in a later stage, and {@link Combined} joins {@code allOf} of it: each sees the error.
 */
public final class UnreadStageFailure {

    private UnreadStageFailure() {}

    static CompletableFuture<Void> check() {
        return CompletableFuture.runAsync(
                () -> {
                    throw new IllegalStateException("the check in the stage failed"); // site: throw
                });
    }

    public static void main(String[] args) {
        check();
    }

    /** Joins the stage: its error is the program's. */
    public static final class Joined {
        public static void main(String[] args) {
            try {
                check().join();
            } catch (java.util.concurrent.CompletionException expected) {
                // seen
            }
        }
    }

    /** Handles the error in a later stage. */
    public static final class Handled {
        public static void main(String[] args) {
            if (!check().exceptionally(t -> null)
                    .thenApply(v -> "handled")
                    .join()
                    .equals("handled")) {
                throw new AssertionError("the later stage did not run");
            }
        }
    }

    /** Waits for it with {@code allOf}, which carries the error. */
    public static final class Combined {
        public static void main(String[] args) {
            try {
                CompletableFuture.allOf(check(), CompletableFuture.completedFuture(1)).join();
            } catch (java.util.concurrent.CompletionException expected) {
                // seen
            }
        }
    }
}
