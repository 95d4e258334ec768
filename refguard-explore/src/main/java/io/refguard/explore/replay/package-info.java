/** Replay tokens: compact, versioned, checksummed encodings of one schedule of one scenario. */
package io.refguard.explore.replay;
