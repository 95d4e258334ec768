package example.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.function.BiConsumer;

/**
 * Two threads each make one JDK call on two objects that synchronize on a monitor, the other way
 * round; the JDK holds the receiver's monitor while it locks the argument's, so they can deadlock:
 * {@code vectors} ({@code Vector.equals}), {@code tables} ({@code Hashtable.equals} with a
 * synchronized map), {@code lists} ({@code addAll} between two synchronized lists). With {@code
 * ordered}, both threads call in the same direction and cannot deadlock.
 */
public final class NestedCollectionLocks {

    public static void main(String[] args) throws InterruptedException {
        String kind = args.length > 0 ? args[0] : "vectors";
        boolean ordered = args.length > 1 && args[1].equals("ordered");
        Object a;
        Object b;
        BiConsumer<Object, Object> call;
        switch (kind) {
            case "tables" -> {
                Map<String, Integer> t = new Hashtable<>(Map.of("k", 1));
                a = t;
                b = Collections.synchronizedMap(new HashMap<>(t));
                call = (x, y) -> ((Map<?, ?>) x).equals(y);
            }
            case "lists" -> {
                a = Collections.synchronizedList(new ArrayList<>(List.of(1)));
                b = Collections.synchronizedList(new ArrayList<>(List.of(2)));
                call = NestedCollectionLocks::addAll;
            }
            default -> {
                a = new Vector<>(List.of(1));
                b = new Vector<>(List.of(1));
                call = (x, y) -> ((List<?>) x).equals(y);
            }
        }
        Thread one = new Thread(() -> call.accept(a, b), "one");
        Thread two = new Thread(() -> call.accept(ordered ? a : b, ordered ? b : a), "two");
        one.start();
        two.start();
        one.join();
        two.join();
    }

    @SuppressWarnings("unchecked")
    private static void addAll(Object x, Object y) {
        ((List<Object>) x).addAll((List<Object>) y);
    }
}
