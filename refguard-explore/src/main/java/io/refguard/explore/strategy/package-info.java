/**
 * Search strategies over schedules, created by {@link io.refguard.explore.strategy.Strategies}:
 * exhaustive search with iterative preemption bounding and optional sleep sets, random walk, PCT,
 * POS, and replay of a given schedule.
 */
package io.refguard.explore.strategy;
