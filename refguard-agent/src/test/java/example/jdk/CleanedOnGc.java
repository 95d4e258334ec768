package example.jdk;

import java.lang.ref.Cleaner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Native-style handles freed by a {@code Cleaner} when one is never closed: the cleaning action is
 * program code that the JDK's cleaner thread runs when the garbage collector finds the handle,
 * beside the explored threads, at a moment no schedule chooses. The program asks for a collection
 * in every run, so the action runs during the exploration.
 */
public final class CleanedOnGc {

    static final Cleaner CLEANER = Cleaner.create();
    static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    static final class Free implements Runnable {
        private final long address;

        Free(long address) {
            this.address = address;
        }

        @Override
        public void run() {
            LIVE.remove(address);
        }
    }

    static final class Handle {
        final byte[] payload = new byte[1 << 20];

        Handle(long address) {
            LIVE.add(address);
            CLEANER.register(this, new Free(address));
        }
    }

    private CleanedOnGc() {}

    public static void main(String[] args) throws InterruptedException {
        Thread user = new Thread(() -> new Handle(2), "user");
        user.start();
        new Handle(1); // never closed: the cleaner frees it
        user.join();
        System.gc();
    }
}
