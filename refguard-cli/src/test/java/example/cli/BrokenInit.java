package example.cli;

/** A program whose static initializer throws: the message must blame the initializer. */
public final class BrokenInit {

    static final String CONFIG = load();

    private BrokenInit() {}

    private static String load() {
        throw new IllegalStateException("no config");
    }

    public static void main(String[] args) {
        System.out.println(CONFIG);
    }
}
