package example.corpus;

/**
 * Arithmetic on plain fields only: the instrumenter adds its deterministic identity hash and
 * changes nothing else; with a {@code hashCode} of its own ({@link OwnHash}) it leaves the class
 * byte-for-byte alone.
 */
public class NothingToIntercept {
    int a = 2;

    public int twice() {
        return a * 2;
    }

    /** The same with its own {@code hashCode}. */
    public static class OwnHash {
        int a = 2;

        public int twice() {
            return a * 2;
        }

        @Override
        public int hashCode() {
            return a;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OwnHash && ((OwnHash) o).a == a;
        }
    }
}
