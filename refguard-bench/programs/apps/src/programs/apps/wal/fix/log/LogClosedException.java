package programs.apps.wal.fix.log;

public final class LogClosedException extends RuntimeException {
    public LogClosedException() { super("write-ahead log is closed"); }
}
