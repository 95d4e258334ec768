package example.statics;

/**
 * Two threads are the first to use a class whose static initializer scans a small status list,
 * re-reading its length on every turn (as a logging library's set-up does on its first use). The
 * re-reads look like a spin, which fair scheduling would hold back in favour of the other thread.
 * But the first run initializes the class in the JVM, which holds its lock of the class meanwhile:
 * the other thread would wait inside the JVM, where no explorer sees it, so the initializing thread
 * must not be switched away from.
 */
public final class FirstUseTogether {

    static final class Statuses {
        int count = 4;
        final int[] levels = {0, 2, 1, 0};

        int highest() {
            int max = 0;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, levels[i]);
            }
            return max;
        }
    }

    static final class Hooks {
        static volatile Object hook;
        static final int LEVEL = new Statuses().highest();
    }

    private FirstUseTogether() {}

    static int use() {
        return Hooks.hook == null ? Hooks.LEVEL : -1;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[2];
        Thread a = new Thread(() -> seen[0] = use(), "a");
        Thread b = new Thread(() -> seen[1] = use(), "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (seen[0] != 2 || seen[1] != 2) {
            throw new AssertionError("saw " + seen[0] + " and " + seen[1]);
        }
    }
}
