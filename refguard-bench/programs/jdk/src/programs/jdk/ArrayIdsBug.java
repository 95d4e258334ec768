package programs.jdk;

import java.util.Arrays;

/** Numbers request slots with Arrays.parallelSetAll and a counter the generator shares. */
public class ArrayIdsBug {
    static int next;

    public static void main(String[] args) {
        int[] ids = new int[4];
        Arrays.parallelSetAll(ids, i -> next++); // BUG: the generator runs on several threads
        if (Arrays.stream(ids).distinct().count() != ids.length) {
            throw new AssertionError("ids repeat: " + Arrays.toString(ids));
        }
    }
}
