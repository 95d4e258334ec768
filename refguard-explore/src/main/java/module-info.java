/**
 * The interleaving explorer. Exported: the user API ({@code io.refguard.explore}: {@code Explorer},
 * {@code Scenario}, {@code ExploreOptions}, {@code ExploreResult}, the {@code Coordinator} facade),
 * the modeled shared types ({@code sync}), a scenario model ({@code models}), reports ({@code
 * report}) and replay tokens ({@code replay}). The scheduler ({@code runtime}) and the searches
 * ({@code strategy}) are internal and not exported.
 */
module io.refguard.explore {
    requires transitive io.refguard.core;
    requires static jdk.jfr;

    exports io.refguard.explore;
    exports io.refguard.explore.models;
    exports io.refguard.explore.replay;
    exports io.refguard.explore.report;
    exports io.refguard.explore.sync;
}
