package example.statics;

/** A program whose helper class's static initializer throws: every run must say so. */
public class ThrowingInitializer {
    public static void main(String[] args) {
        Settings.load();
    }
}

class Settings {
    static final String PATH = System.getProperty("example.statics.missing", "");

    static {
        if (PATH.isEmpty()) {
            throw new IllegalStateException("no settings path");
        }
    }

    static void load() {}
}
