package io.refguard.junit;

import io.refguard.explore.replay.ReplayToken;
import io.refguard.explore.replay.ReplayTokenException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A request to replay one schedule instead of exploring: the token in {@value #TOKEN_PROPERTY} (or,
 * when that is unset, in the explorer's own {@value #EXPLORER_TOKEN_PROPERTY}, which its reports
 * suggest) and, optionally, the test named by {@value #TEST_PROPERTY}.
 *
 * <p>The test filter is {@code method}, {@code Class}, {@code Class#method} or {@code
 * pkg.Class#method}; a class matches by its simple or its binary name (with {@code $} for a nested
 * class). Without a filter every exploration test runs up to its scenario, and those whose scenario
 * the token was not made for are skipped.
 */
final class ReplaySelection {

    /** The system property holding the replay token. */
    static final String TOKEN_PROPERTY = "refguard.replay";

    /** The explorer's replay property, read when {@link #TOKEN_PROPERTY} is unset. */
    static final String EXPLORER_TOKEN_PROPERTY = "refguard.explore.replay";

    /** The system property naming the test to replay in. */
    static final String TEST_PROPERTY = "refguard.replay.test";

    private final String property;
    private final String token;
    private final String filter; // null: no filter

    private ReplaySelection(String property, String token, String filter) {
        this.property = property;
        this.token = token;
        this.filter = filter;
    }

    /**
     * The selection the system properties make, or {@code null} when neither {@value
     * #TOKEN_PROPERTY} nor {@value #EXPLORER_TOKEN_PROPERTY} holds a token.
     *
     * @throws ExtensionConfigurationException when the token cannot be read, saying why
     */
    static ReplaySelection fromSystemProperties() {
        String property = TOKEN_PROPERTY;
        String token = System.getProperty(property);
        if (token == null || token.isBlank()) {
            property = EXPLORER_TOKEN_PROPERTY;
            token = System.getProperty(property);
            if (token == null || token.isBlank()) {
                return null;
            }
        }
        try {
            ReplayToken.decode(token);
        } catch (ReplayTokenException e) {
            throw new ExtensionConfigurationException(
                    "system property " + property + ": " + e.getMessage(), e);
        }
        String filter = System.getProperty(TEST_PROPERTY);
        return new ReplaySelection(
                property,
                token.strip(),
                filter == null || filter.isBlank() ? null : filter.strip());
    }

    /** The system property the token was read from. */
    String property() {
        return property;
    }

    String token() {
        return token;
    }

    /** Whether a test filter was given: then the selected test must replay, not be skipped. */
    boolean filtered() {
        return filter != null;
    }

    /** The filter as given, or {@code null}. */
    String filter() {
        return filter;
    }

    /**
     * Whether {@code method} of {@code testClass} is selected; every test is when there is no
     * filter.
     */
    boolean selects(Class<?> testClass, Method method) {
        if (filter == null) {
            return true;
        }
        int hash = filter.indexOf('#');
        if (hash < 0) {
            return filter.equals(method.getName()) || classMatches(filter, testClass);
        }
        String cls = filter.substring(0, hash);
        String name = filter.substring(hash + 1);
        return (cls.isEmpty() || classMatches(cls, testClass))
                && (name.isEmpty() || name.equals(method.getName()));
    }

    private static boolean classMatches(String pattern, Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (pattern.equals(k.getName())
                    || pattern.equals(k.getSimpleName())
                    || pattern.equals(k.getName().replace('$', '.'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command-line arguments that replay {@code token} in {@code method} of {@code testClass};
     * a nested class is written with dots, so the arguments can be pasted into a shell as they are.
     */
    static String arguments(String token, Class<?> testClass, Method method) {
        return "-D"
                + TOKEN_PROPERTY
                + "="
                + token
                + " -D"
                + TEST_PROPERTY
                + "="
                + testClass.getName().replace('$', '.')
                + "#"
                + method.getName();
    }
}
