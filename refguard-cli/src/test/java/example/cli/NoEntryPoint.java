package example.cli;

/** A class with neither a scenario factory nor a main method, for the command's error tests. */
public final class NoEntryPoint {

    private NoEntryPoint() {}

    /** Not the convention: takes an argument. */
    public static Object scenario(int unused) {
        return null;
    }
}
