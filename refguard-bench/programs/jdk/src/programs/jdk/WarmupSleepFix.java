package programs.jdk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The warmer counts down a latch when done; the server waits on it, up to a deadline it checks. */
public class WarmupSleepFix {
    public static void main(String[] args) throws Exception {
        Map<String, String> cache = new ConcurrentHashMap<>();
        CountDownLatch warm = new CountDownLatch(1);
        Thread warmer = new Thread(() -> { cache.put("home", "<html>home</html>"); cache.put("about", "<html>about</html>"); warm.countDown(); }, "warmer");
        warmer.start();
        if (!warm.await(100, TimeUnit.MILLISECONDS)) throw new AssertionError("warm-up timed out");
        String page = cache.get("about");
        if (page == null) throw new AssertionError("served a cold cache: no page for 'about'");
        warmer.join();
    }
}
