package programs.apps.harness;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Runs a program's main N times in this JVM (plain, no refguard) and counts failing runs. */
public final class Repeat {
    public static void main(String[] args) throws Exception {
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        int n = Integer.parseInt(args[1]);
        int failed = 0;
        String first = null;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try {
                main.invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                failed++;
                if (first == null) first = String.valueOf(e.getCause());
            }
        }
        System.out.printf("%s plain: %d/%d failed in %.1f s%s%n", args[0], failed, n,
                (System.nanoTime() - t0) / 1e9, first == null ? "" : " (first: " + first + ")");
    }
}
