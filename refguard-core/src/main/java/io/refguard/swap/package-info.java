/**
 * Replacing reference-counted snapshots while readers use them: {@link io.refguard.swap.HotSwap}
 * for one snapshot, {@link io.refguard.swap.HotSwapSet} for a set of members reloaded from a list
 * of keys, reusing the members still listed.
 */
package io.refguard.swap;
