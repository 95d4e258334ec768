package programs.jdk;

import java.util.concurrent.CompletableFuture;

/** Hedged request: three replicas race, the first answer wins; we also record who won (metrics). */
public class CfFirstWinsBug {
    static String winner;

    public static void main(String[] args) {
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<?>[] replicas = new CompletableFuture<?>[3];
        for (int i = 0; i < 3; i++) {
            String name = "replica-" + i;
            replicas[i] = CompletableFuture.runAsync(() -> {
                String answer = name + ":42";
                if (!result.isDone()) {          // BUG: check-then-act; complete() may still lose
                    winner = name;
                    result.complete(answer);
                }
            });
        }
        String r = result.join();
        CompletableFuture.allOf(replicas).join();
        if (!r.startsWith(winner + ":")) throw new AssertionError("metrics say " + winner + " won, but the answer was " + r);
    }
}
