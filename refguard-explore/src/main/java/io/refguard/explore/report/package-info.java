/**
 * The immutable model of a failing schedule ({@link io.refguard.explore.report.InterleavingReport},
 * {@link io.refguard.explore.report.TraceEvent}, {@link io.refguard.explore.report.Failure}) and
 * its text rendering, one column per thread ({@link io.refguard.explore.report.TableRenderer}).
 */
package io.refguard.explore.report;
