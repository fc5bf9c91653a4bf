/**
 * A headless training loop for any DJL {@link ai.djl.nn.Block}: our own Adam/AdamW with saveable
 * state, learning-rate schedules, gradient clipping by global norm, an exponential moving average of
 * the weights, divergence detection, and atomic checkpoints that resume to the same weights.
 *
 * <p>Randomness is a pure function of (seed, step) ({@link org.twinfold.ml.train.StepRandom}), so a
 * checkpoint's random state is just its step. Every step's native arrays are closed when the step
 * ends. Progress goes to {@link org.twinfold.ml.train.TrainingListener}s, milestones to SLF4J.
 */
package org.twinfold.ml.train;
