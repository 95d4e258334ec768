package example.jdk;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * Two request threads stamp their log lines with one shared {@code SimpleDateFormat}, whose {@code
 * format} uses a calendar inside the format as scratch space: on a real machine one thread's date
 * can come out in the other's line. The explorer reports the two unordered calls. The fix gives
 * each thread its own format through a {@code ThreadLocal}.
 */
public final class SharedDateFormat {

    static SimpleDateFormat utc() {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    }

    static final SimpleDateFormat SHARED = utc();

    static void run(java.util.function.Supplier<SimpleDateFormat> format)
            throws InterruptedException {
        String[] lines = new String[2];
        Thread a = new Thread(() -> lines[0] = format.get().format(new Date(0L)), "request-a");
        Thread b =
                new Thread(
                        () -> lines[1] = format.get().format(new Date(86_400_000L * 365)),
                        "request-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (!lines[0].equals("1970-01-01") || !lines[1].equals("1971-01-01")) {
            throw new AssertionError("stamped " + lines[0] + " and " + lines[1]);
        }
    }

    private SharedDateFormat() {}

    public static void main(String[] args) throws InterruptedException {
        run(() -> SHARED);
    }

    /** The fix: a format per thread. */
    public static final class Fixed {
        static final ThreadLocal<SimpleDateFormat> OWN =
                ThreadLocal.withInitial(SharedDateFormat::utc);

        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(OWN::get);
        }
    }
}
