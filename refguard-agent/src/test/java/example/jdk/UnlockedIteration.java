package example.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A reporter measures a {@code Collections.synchronizedList} of log lines while a request thread
 * appends one. The loop body only adds lengths, so nothing in it is a scheduling point: the
 * iteration is still not atomic on a real machine, since the list's iterator takes no lock, and an
 * append between two {@code next} calls makes it throw {@code ConcurrentModificationException}. The
 * fix iterates inside {@code synchronized (log)}.
 */
public final class UnlockedIteration {

    static void run(boolean lockWhileIterating) throws InterruptedException {
        List<String> log = Collections.synchronizedList(new ArrayList<>(List.of("a", "bb")));
        int[] total = new int[1];
        Thread reporter =
                new Thread(
                        () -> {
                            if (lockWhileIterating) {
                                synchronized (log) {
                                    for (String line : log) {
                                        total[0] += line.length();
                                    }
                                }
                            } else {
                                for (String line : log) {
                                    total[0] += line.length();
                                }
                            }
                        },
                        "reporter");
        Thread request = new Thread(() -> log.add("ccc"), "request");
        reporter.start();
        request.start();
        reporter.join();
        request.join();
        if (total[0] != 3 && total[0] != 6) {
            throw new AssertionError("measured " + total[0]);
        }
    }

    private UnlockedIteration() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: the reporter holds the list's monitor while it iterates. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
