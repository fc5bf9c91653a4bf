package org.twinfold.ml.train;

/**
 * Progress after one step.
 *
 * @param step the step just finished, from 1
 * @param totalSteps the step at which training ends
 * @param loss the batch loss before the update
 * @param learningRate the learning rate used by the update
 * @param gradientNorm global L2 norm of the gradients before clipping
 * @param stepsPerSecond steps finished in this run divided by this run's wall time
 */
public record StepReport(long step, long totalSteps, double loss, double learningRate, double gradientNorm,
        double stepsPerSecond) {
}
