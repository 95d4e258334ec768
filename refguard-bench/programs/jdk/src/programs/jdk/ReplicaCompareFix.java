package programs.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/** Two replicas keep their pinned segments in Vectors; each replica's checker compares its list
 *  with the other's. Fixed: each checker compares a copy of the other list, taken under that
 *  list's own monitor alone, so no thread holds one monitor while it waits for the other. */
public class ReplicaCompareFix {
    public static void main(String[] args) throws Exception {
        List<String> primary = new Vector<>(List.of("seg-1", "seg-2"));
        List<String> replica = new Vector<>(List.of("seg-1", "seg-2"));
        boolean[] same = new boolean[2];
        Thread a = new Thread(() -> same[0] = new ArrayList<>(replica).equals(primary), "primary-check");   // FIX
        Thread b = new Thread(() -> same[1] = new ArrayList<>(primary).equals(replica), "replica-check");
        a.start(); b.start(); a.join(); b.join();
        if (!same[0] || !same[1]) throw new AssertionError("replicas differ");
    }
}
