package example.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The main thread builds a list of tasks, starts a helper that adds one, and adds one itself before
 * it joins the helper: nothing orders the two adds, and an {@code ArrayList} can lose one (or
 * throw) when they overlap. The fix hands the helper a synchronized list.
 */
public final class StartedThenShared {

    static void run(boolean synchronizedList) throws InterruptedException {
        List<String> tasks =
                synchronizedList
                        ? Collections.synchronizedList(new ArrayList<>())
                        : new ArrayList<>();
        tasks.add("index");
        Thread helper = new Thread(() -> tasks.add("compact"), "helper");
        helper.start();
        tasks.add("flush");
        helper.join();
        if (tasks.size() != 3) {
            throw new AssertionError("planned " + tasks.size() + " tasks, expected 3");
        }
    }

    private StartedThenShared() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: a synchronized list. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
