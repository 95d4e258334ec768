/**
 * Reference-counted resources and the checker that names the sites of their lifetime bugs.
 *
 * <p>Start with {@link io.refguard.RefCounted} (the base class: lifecycle, count encoding,
 * ordering) and {@link io.refguard.Ref} (one counted reference). {@link io.refguard.RefGuard} holds
 * the JVM-wide settings, {@link io.refguard.LeakScope} checks a piece of work for leaks, and every
 * bug found is a {@link io.refguard.RefGuardException} carrying a {@link io.refguard.Report}. The
 * user guide is {@code docs/CHECKER.md}.
 */
package io.refguard;
