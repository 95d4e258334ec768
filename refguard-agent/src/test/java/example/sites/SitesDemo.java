package example.sites;

import example.sitehelper.Forwarding;
import io.refguard.AccessRecord;
import io.refguard.DoubleReleaseException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.Report;
import io.refguard.Report.Role;
import io.refguard.Site;
import io.refguard.hook.CallSites;
import java.util.ArrayList;
import java.util.List;

/**
 * A tracked reference acquired and touched in a synchronized method, then released twice: once
 * through an uninstrumented {@link Forwarding} wrapper and once in a synchronized method. Prints
 * the sites of the double release report and its access records, one per line, then where a release
 * from uninstrumented code right after the throwing call is reported. Run in a child JVM under
 * {@code -javaagent}, through an {@code InstrumentingClassLoader}, and plain.
 */
public final class SitesDemo {

    /** A tracked resource with nothing to free. */
    public static final class Buffer extends RefCounted<Buffer> {
        @Override
        protected void deallocate() {}
    }

    private SitesDemo() {}

    /** Runs the demo and returns what {@link #main} prints. */
    public static List<String> run() {
        List<String> out = new ArrayList<>();
        try (LeakScope scope = LeakScope.open()) {
            Buffer buffer = new Buffer(); // site: create
            Ref<Buffer> ref = acquireLocked(buffer);
            Buffer other = new Buffer();
            Ref<Buffer> spare = other.acquire();
            Ref<Buffer> forwarded = new Forwarding<>(ref);
            forwarded.close(); // site: first release
            try {
                closeLocked(ref);
                out.add("no double release reported");
            } catch (DoubleReleaseException e) {
                Report report = e.report();
                out.add("released=" + describe(report.site(Role.RELEASED)));
                out.add("releasedAgain=" + describe(report.site(Role.RELEASED_AGAIN)));
                out.add("acquired=" + describe(report.site(Role.ACQUIRED)));
                for (AccessRecord r : report.records()) {
                    out.add("record " + r.event() + "=" + describe(r.site()));
                }
            }
            // Nothing bracketed has run since closeLocked threw, so its id is still pending:
            // the uninstrumented release below is reported at closeLocked's call.
            Forwarding.release(spare);
            try {
                spare.close();
            } catch (DoubleReleaseException e) {
                out.add("leftBehind=" + describe(e.report().site(Role.RELEASED)));
            }
            other.close();
            buffer.close();
        }
        out.add("supplied=" + CallSites.SUPPLIED);
        return out;
    }

    /**
     * Synchronized, so the agent splits it into a real and a modeled copy: a stack walk from the
     * calls in it names the copy that runs, {@code acquireLocked$refguard$real}, while a site
     * supplied by the agent names the method as written.
     */
    private static synchronized Ref<Buffer> acquireLocked(Buffer buffer) {
        Ref<Buffer> ref = buffer.acquire(); // site: acquire
        ref.touch("decoded"); // site: touch
        return ref;
    }

    /** Synchronized for the same reason as {@link #acquireLocked}. */
    private static synchronized void closeLocked(Ref<Buffer> ref) {
        ref.close(); // site: second release
    }

    private static String describe(Site site) {
        return site.className() + "." + site.methodName() + "(" + site.location() + ")";
    }

    /** Prints the lines of {@link #run()}. */
    public static void main(String[] args) {
        run().forEach(System.out::println);
    }
}
