package programs.apps.arena.bug.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import programs.apps.arena.bug.mem.Arena;
import programs.apps.arena.bug.mem.NativeBlock;

/** A client session; the blocks it still holds are freed when the client disconnects. */
public final class Session {
    private final Arena arena;
    private final Set<NativeBlock> open = ConcurrentHashMap.newKeySet();
    private volatile boolean disconnected;

    public Session(Arena arena) { this.arena = arena; }

    public NativeBlock allocate() {
        NativeBlock b = arena.allocate();
        open.add(b);
        return b;
    }

    public void done(NativeBlock b) {
        open.remove(b);
        b.close();
    }

    /** Called by the event loop when the socket goes away. */
    public void disconnect() {
        disconnected = true;
        for (NativeBlock b : open) {
            b.close();
        }
        open.clear();
    }

    public boolean isDisconnected() { return disconnected; }
}
