/**
 * The operator-surrogate pipeline behind {@code twinfold run md-lstm} and {@code run md-1d}: trajectories of
 * Lennard-Jones particles or of one particle in a 1-D potential ({@link org.twinfold.cli.operator.OperatorSystem}),
 * LSTM time-evolution operators at 100x, 1,000x and 4,000x the Verlet step, rollouts from five Verlet frames,
 * their errors, energy drift and measured speedups against Verlet, and the report. After Kadupitiya, Fox
 * and Jadhao, arXiv:2004.06493. {@link org.twinfold.cli.operator.OperatorPipeline} is the entry point.
 */
package org.twinfold.cli.operator;
