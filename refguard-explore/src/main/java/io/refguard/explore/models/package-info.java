/** Reference workloads for measuring the explorer itself, shared by tests and benchmarks. */
package io.refguard.explore.models;
