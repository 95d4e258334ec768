package programs.apps.connpool.bug.pool;

public final class PoolTimeoutException extends Exception {
    public PoolTimeoutException(String message) { super(message); }
}
