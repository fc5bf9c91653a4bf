package org.twinfold.ml.train;

import java.util.Map;

/**
 * A learning rate that does not change.
 *
 * @param rate learning rate, finite and positive
 */
public record ConstantSchedule(double rate) implements LearningRateSchedule {

    public ConstantSchedule {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate is " + rate + "; it must be finite and positive");
        }
    }

    @Override
    public double at(long step) {
        WarmupCosineSchedule.requirePositiveStep(step);
        return rate;
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("schedule", "constant", "learningRate", Double.toString(rate));
    }
}
