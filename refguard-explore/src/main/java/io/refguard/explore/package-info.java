/**
 * The interleaving explorer's user API: {@link io.refguard.explore.Explorer} starts a {@link
 * io.refguard.explore.Scenario}, {@link io.refguard.explore.ExploreOptions} says how to explore it,
 * and the outcome is an {@link io.refguard.explore.ExploreResult} or an {@link
 * io.refguard.explore.InterleavingFailure} carrying the report and the replay token; {@link
 * io.refguard.explore.Coordinator} is the facade for explicit scheduling points and modeled
 * blocking. The packages below it are separate layers: {@code runtime} (the scheduler) and {@code
 * strategy} (the searches), both internal and not exported by the module; {@code replay} (tokens),
 * {@code report} (the event model and the renderers) and {@code sync} (modeled shared types).
 */
package io.refguard.explore;
