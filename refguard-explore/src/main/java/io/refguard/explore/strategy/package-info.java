/**
 * Search strategies over schedules, created by {@link io.refguard.explore.strategy.Strategies}: the
 * default mix, exhaustive search with iterative preemption bounding and optional sleep sets, DPOR,
 * random walk, PCT (also over racing steps only), POS, SURW, and replay of a given schedule.
 */
package io.refguard.explore.strategy;
