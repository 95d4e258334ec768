package programs.apps.connpool.fix.pool;

public final class PoolTimeoutException extends Exception {
    public PoolTimeoutException(String message) { super(message); }
}
