package programs.apps.wal.bug.log;

public final class LogClosedException extends RuntimeException {
    public LogClosedException() { super("write-ahead log is closed"); }
}
