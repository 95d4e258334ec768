package example.multi.app;

/** A program type that the library's {@code Registry} names in its signature. */
public record Item(String name) {}
