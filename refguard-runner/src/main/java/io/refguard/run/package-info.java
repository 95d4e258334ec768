/**
 * The runner: turns a class name (a scenario class or a program) or a scenario given in code into a
 * {@link io.refguard.run.Target}, explores it under the options' strategy ({@link
 * io.refguard.run.Explored}) and grades what it ended with ({@link io.refguard.run.Outcome}, {@link
 * io.refguard.run.Verdict}). The refguard command, the JUnit extension and the seed-case corpus all
 * explore through it; it sits above the agent, whose instrumenting loader and program explorer it
 * uses, and below all three.
 */
package io.refguard.run;
