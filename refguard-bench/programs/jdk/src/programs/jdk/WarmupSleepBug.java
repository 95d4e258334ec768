package programs.jdk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A cache warmed by a background thread; the server gives it 100 ms, then serves from the cache. */
public class WarmupSleepBug {
    public static void main(String[] args) throws Exception {
        Map<String, String> cache = new ConcurrentHashMap<>();
        Thread warmer = new Thread(() -> { cache.put("home", "<html>home</html>"); cache.put("about", "<html>about</html>"); }, "warmer");
        warmer.start();
        Thread.sleep(100);                           // BUG: a sleep orders nothing; a slow warmer is not done
        String page = cache.get("about");
        if (page == null) throw new AssertionError("served a cold cache: no page for 'about'");
        warmer.join();
    }
}
