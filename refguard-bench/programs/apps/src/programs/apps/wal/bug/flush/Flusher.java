package programs.apps.wal.bug.flush;

import java.util.ArrayList;
import java.util.List;
import programs.apps.wal.bug.log.LogRecord;
import programs.apps.wal.bug.log.WriteAheadLog;

/** The group-commit thread. */
public final class Flusher extends Thread {
    private final WriteAheadLog log;

    public Flusher(WriteAheadLog log) {
        super("wal-flusher");
        this.log = log;
    }

    @Override
    public void run() {
        List<LogRecord> batch = new ArrayList<>();
        try {
            while (log.flushOnce(batch)) {
                // keep committing
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
