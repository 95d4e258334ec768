package io.refguard.explore;

/** The system properties as a source of settings, with messages that say how to fix a bad value. */
final class OptionProperties {

    private OptionProperties() {}

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * {@code options} with every setting whose system property is set (and not blank) applied.
     *
     * @throws IllegalArgumentException naming the property, its value and how to write it
     */
    static ExploreOptions apply(ExploreOptions options) {
        ExploreOptions o = options;
        for (ExploreSetting s : ExploreSetting.values()) {
            String v = System.getProperty(s.property());
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                o = s.apply(o, v);
            } catch (BadOptionValue e) {
                throw new IllegalArgumentException(
                        "system property "
                                + s.property()
                                + "='"
                                + v
                                + "' is not valid: use "
                                + e.want(),
                        e);
            }
        }
        return o;
    }
}
