package programs.jdk;

import java.util.Map;
import java.util.concurrent.*;

public class ThreadLocalLeakFix {
    static final ThreadLocal<String> USER = new ThreadLocal<>();

    static String audit(String action) {
        String u = USER.get();
        return (u == null ? "anonymous" : u) + ":" + action;
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<Integer, String> log = new ConcurrentHashMap<>();
        String[] users = {null, "alice", null};
        Future<?>[] fs = new Future<?>[users.length];
        for (int i = 0; i < users.length; i++) {
            int id = i;
            fs[i] = pool.submit(() -> {
                if (users[id] != null) USER.set(users[id]);
                try {
                    log.put(id, audit("view"));
                } finally {
                    USER.remove();                           // FIX
                }
            });
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        if (!log.get(2).equals("anonymous:view")) throw new AssertionError("request 2 audited as " + log.get(2));
    }
}
