package example.semantics;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Programs during whose runs the JDK starts a service thread of its own. */
public final class JdkServices {

    private JdkServices() {}

    /**
     * Runs a child process and waits for it, as Mockito does when it attaches its agent, then
     * counts on two threads. The JDK waits for the child on a thread of its own, the {@code process
     * reaper}, which it starts the first time a process is started and keeps idle for a minute.
     * Main also builds a thread it never starts, so that the run constructs more threads than the
     * explorer starts and the live threads created during the run are listed in every JVM: the
     * reaper is among them.
     */
    public static final class ChildProcess {
        private ChildProcess() {}

        public static void main(String[] args) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p =
                    new ProcessBuilder(java.toString(), "-version")
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (p.waitFor() != 0) {
                throw new AssertionError("java -version exited with " + p.exitValue());
            }
            Thread unstarted = new Thread(() -> {}, "never-started");
            AtomicInteger n = new AtomicInteger();
            Thread t = new Thread(n::incrementAndGet, "client");
            t.start();
            n.incrementAndGet();
            t.join();
            if (n.get() != 2 || unstarted.isAlive()) {
                throw new AssertionError("counted " + n.get());
            }
        }
    }
}
