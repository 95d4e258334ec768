package example.statics;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code new} initializes its class before the constructor's arguments are evaluated (JVMS 5.5), in
 * every run: the JVM's initialization in the first, re-initializations in the runs after. The
 * argument is a conditional, so the method's frames name the object under construction. Two
 * threads, so that there are runs after the first.
 */
public final class NewOrder {
    static final List<String> EVENTS = new ArrayList<>();

    static final class Counted {
        static final int ID = record("initialize");

        Counted(String argument) {}
    }

    static synchronized int record(String event) {
        EVENTS.add(event);
        return EVENTS.size();
    }

    static String argument(String name) {
        record(name);
        return name;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread other = new Thread(() -> record("other"));
        other.start();
        boolean first = args.length == 0;
        new Counted(first ? argument("first") : argument("second"));
        other.join();
        List<String> mine = new ArrayList<>(EVENTS);
        mine.remove("other");
        if (!mine.get(0).equals("initialize")) {
            throw new AssertionError("the argument before the class's initialization: " + EVENTS);
        }
    }
}
