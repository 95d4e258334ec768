package example.jdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two threads write into one {@code ArrayList} made by main, with nothing between them. By index,
 * {@code distinct} slots (as Guava's {@code Futures.allAsList} collects results): no race, since
 * each {@code set} writes its own element. The {@code same} slot, or a {@code set} while the other
 * thread appends ({@code grow}): a race. Main reads the list after joining both.
 */
public final class ListSlots {

    public static void main(String[] args) throws InterruptedException {
        String mode = args.length > 0 ? args[0] : "distinct";
        List<String> list = new ArrayList<>(Arrays.asList("-", "-"));
        Thread a = new Thread(() -> list.set(0, "a"));
        Thread b =
                new Thread(
                        () -> {
                            switch (mode) {
                                case "same" -> list.set(0, "b");
                                case "grow" -> list.add("b");
                                default -> list.set(1, "b");
                            }
                        });
        a.start();
        b.start();
        a.join();
        b.join();
        if (!list.contains("a")) {
            throw new AssertionError("lost: " + list);
        }
    }
}
