package io.refguard.explore;

/**
 * A setting's text that its parser ({@link OptionValues}) cannot read. Carries the text, what it
 * should have been and how to write it, so that each source (a system property, a command-line
 * option, an annotation attribute) can say where the text came from in its own words.
 */
public final class BadOptionValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final String what;
    private final String want;

    BadOptionValue(String text, String what, String want) {
        super("'" + text + "' is not " + what + "; use " + want);
        this.text = text;
        this.what = what;
        this.want = want;
    }

    /** The text as given. */
    public String text() {
        return text;
    }

    /** What the text should have been, with its article: {@code a strategy}, {@code a seed}. */
    public String what() {
        return what;
    }

    /** How to write a valid value, such as {@code a whole number from 0, or none}. */
    public String want() {
        return want;
    }
}
