/**
 * Modeled shared types for scenarios written by hand: each operation is one scheduling point with a
 * known target and access, so reports name the field and the sleep-set reduction can tell
 * independent steps apart. For locks, wait/notify, thread start and join, use {@link
 * io.refguard.explore.Coordinator} directly.
 */
package io.refguard.explore.sync;
