package org.twinfold.ml.train;

import java.util.Map;

/**
 * The learning rate as a function of the optimizer step, counted from 1 for the first update.
 * Implementations are immutable values.
 */
public sealed interface LearningRateSchedule permits ConstantSchedule, WarmupCosineSchedule {

    /** Returns the learning rate for update number {@code step} (1-based); the step must be positive. */
    double at(long step);

    /** Returns the settings as strings, for provenance records. */
    Map<String, String> describe();

    /** Returns a schedule that keeps {@code rate} at every step. */
    static LearningRateSchedule constant(double rate) {
        return new ConstantSchedule(rate);
    }

    /** Returns a linear warm-up followed by cosine decay; see {@link WarmupCosineSchedule}. */
    static LearningRateSchedule warmupCosine(double peak, long warmupSteps, long totalSteps, double floor) {
        return new WarmupCosineSchedule(peak, warmupSteps, totalSteps, floor);
    }
}
