package example.corpus;

/** Arithmetic on plain fields only: the instrumenter must leave it byte-for-byte alone. */
public class NothingToIntercept {
    int a = 2;

    public int twice() {
        return a * 2;
    }
}
