package org.twinfold.ml.train;

/**
 * Stops training on a NaN or infinite loss or gradient norm, or on a loss above {@code factor} times
 * the smallest loss seen so far. The ratio test applies only while that minimum is positive, so
 * losses that may be negative (log-likelihoods) are checked for finiteness alone.
 *
 * <p>The running minimum is part of the training state and is saved in checkpoints.
 */
public final class DivergenceMonitor {
    private final double factor;
    private double runningMinimum = Double.POSITIVE_INFINITY;

    /** @param factor ratio of loss to running minimum that counts as divergence, above 1 (e.g. 1e4) */
    public DivergenceMonitor(double factor) {
        if (!(factor > 1) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("divergence factor is " + factor + "; it must be finite and above 1");
        }
        this.factor = factor;
    }

    /**
     * Checks one step's values and updates the running minimum.
     *
     * @throws TrainingDivergedException naming the step, value and learning rate
     */
    public void check(long step, double loss, double gradientNorm, double learningRate) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(step, "loss", loss, learningRate, "not finite");
        }
        if (!Double.isFinite(gradientNorm)) {
            throw new TrainingDivergedException(step, "gradient norm", gradientNorm, learningRate, "not finite");
        }
        if (runningMinimum > 0 && Double.isFinite(runningMinimum) && loss > factor * runningMinimum) {
            throw new TrainingDivergedException(step, "loss", loss, learningRate,
                    "more than " + factor + " times the lowest loss so far, " + runningMinimum);
        }
        runningMinimum = Math.min(runningMinimum, loss);
    }

    /** Returns the lowest loss seen so far; positive infinity before the first step. */
    public double runningMinimum() {
        return runningMinimum;
    }

    /** Restores the running minimum from a checkpoint. */
    public void restore(double savedMinimum) {
        if (Double.isNaN(savedMinimum)) {
            throw new IllegalArgumentException("saved running minimum loss is NaN; the checkpoint is damaged");
        }
        runningMinimum = savedMinimum;
    }

    public double factor() {
        return factor;
    }
}
