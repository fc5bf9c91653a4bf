package org.twinfold.ml.train;

/**
 * Training stopped because the loss or the gradient norm became NaN, infinite, or far above the
 * best loss seen so far. The message names the step, the value and the learning rate, and what to
 * change. The newest checkpoint, written before the step that diverged, is left intact.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final String quantity;
    private final double value;
    private final double learningRate;

    public TrainingDivergedException(long step, String quantity, double value, double learningRate, String reason) {
        super("training diverged at step " + step + ": " + quantity + " = " + value + " (" + reason
                + ") at learning rate " + learningRate + ". Lower the learning rate, enable gradient clipping"
                + " or lower its maximum norm, and check the training data for NaN or infinite values.");
        this.step = step;
        this.quantity = quantity;
        this.value = value;
        this.learningRate = learningRate;
    }

    public long step() {
        return step;
    }

    /** Returns which value diverged: {@code loss} or {@code gradient norm}. */
    public String quantity() {
        return quantity;
    }

    public double value() {
        return value;
    }

    public double learningRate() {
        return learningRate;
    }
}
