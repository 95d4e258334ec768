package programs.apps.arena.bug.main;

import java.util.concurrent.ConcurrentLinkedQueue;
import programs.apps.arena.bug.mem.Arena;
import programs.apps.arena.bug.mem.NativeBlock;
import programs.apps.arena.bug.session.EventLoop;
import programs.apps.arena.bug.session.Session;

/** A request handler works in off-heap blocks while its client disconnects. */
public final class Main {
    public static void main(String[] args) throws Exception {
        Arena arena = new Arena(4, 64);
        EventLoop loop = new EventLoop();
        loop.start();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

        Session s1 = new Session(arena);
        Thread handler = new Thread(() -> {
            try {
                NativeBlock b = s1.allocate();
                try {
                    b.putLong(0, 42L);
                } finally {
                    s1.done(b);
                }
            } catch (IllegalStateException e) {
                // the client went away mid-request: dropping the request is fine
            } catch (Throwable t) {
                errors.add(t);
            }
        }, "handler");
        handler.start();
        loop.post(s1);                                // the client disconnects
        handler.join();
        loop.shutdown();
        loop.join();

        // later traffic: two sessions must never share a slot
        Session s2 = new Session(arena);
        NativeBlock a = s2.allocate();
        NativeBlock b = s2.allocate();
        a.putLong(0, 1L);
        b.putLong(0, 2L);
        if (a.getLong(0) != 1L) {
            throw new AssertionError("two live blocks share one slot: a slot was freed twice");
        }
        s2.done(a);
        s2.done(b);
        if (!errors.isEmpty()) throw new AssertionError("handler failed: " + errors.peek(), errors.peek());
        if (arena.freeCount() != arena.slots() || arena.distinctFree() != arena.slots()) {
            throw new AssertionError("arena free list corrupt: " + arena.freeCount() + " entries, "
                    + arena.distinctFree() + " distinct, of " + arena.slots() + " slots");
        }
    }
}
