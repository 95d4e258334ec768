package example.determinism;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two workers register jobs in a set keyed by identity (the jobs do not override {@code hashCode});
 * main then reports the jobs in the set's iteration order, with the identity hashes, thread ids and
 * names the program saw, and fails: a failure whose message is the same in every run of the same
 * schedule only if all of those are.
 */
public final class IdentityOrder {

    static final class Job {
        final String name;

        Job(String name) {
            this.name = name;
        }
    }

    private IdentityOrder() {}

    public static void main(String[] args) throws InterruptedException {
        Set<Job> jobs = new HashSet<>();
        List<String> seen = new ArrayList<>();
        Thread w1 = new Thread(() -> register(jobs, seen, "a", "b", "c", "d"));
        Thread w2 = new Thread(() -> register(jobs, seen, "e", "f", "g", "h"));
        String before = w1.getName() + "#" + w1.getId();
        w1.start();
        w2.start();
        w1.join();
        w2.join();
        StringBuilder order = new StringBuilder();
        for (Job j : jobs) {
            order.append(j.name)
                    .append(':')
                    .append(Integer.toHexString(j.hashCode()))
                    .append(j.hashCode() == System.identityHashCode(j) ? "" : "!")
                    .append(' ');
        }
        Thread me = Thread.currentThread();
        throw new AssertionError(
                "jobs "
                        + order
                        + "seen "
                        + seen
                        + " before start "
                        + before
                        + " main "
                        + me.getName()
                        + "#"
                        + me.getId());
    }

    private static void register(Set<Job> jobs, List<String> seen, String... names) {
        Thread me = Thread.currentThread();
        synchronized (jobs) {
            seen.add(me.getName() + "#" + me.getId());
            for (String n : names) {
                jobs.add(new Job(n));
            }
        }
    }
}
