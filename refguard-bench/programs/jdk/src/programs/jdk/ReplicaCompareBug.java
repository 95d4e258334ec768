package programs.jdk;

import java.util.List;
import java.util.Vector;

/** Two replicas keep their pinned segments in Vectors; each replica's checker compares its list
 *  with the other's. Vector.equals holds its own monitor while it iterates the other Vector,
 *  so two checkers comparing in opposite directions deadlock. */
public class ReplicaCompareBug {
    public static void main(String[] args) throws Exception {
        List<String> primary = new Vector<>(List.of("seg-1", "seg-2"));
        List<String> replica = new Vector<>(List.of("seg-1", "seg-2"));
        boolean[] same = new boolean[2];
        Thread a = new Thread(() -> same[0] = primary.equals(replica), "primary-check");
        Thread b = new Thread(() -> same[1] = replica.equals(primary), "replica-check");   // BUG: opposite order
        a.start(); b.start(); a.join(); b.join();
        if (!same[0] || !same[1]) throw new AssertionError("replicas differ");
    }
}
