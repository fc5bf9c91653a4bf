package org.twinfold.ml.train;

import java.util.Map;

/**
 * Linear warm-up from {@code peak / warmupSteps} to {@code peak} over the first {@code warmupSteps}
 * steps, then cosine decay to {@code floor} at {@code totalSteps} (Loshchilov and Hutter, "SGDR:
 * stochastic gradient descent with warm restarts", ICLR 2017, without restarts):
 *
 * <pre>
 *   lr(t) = peak * t / W                                          for t &lt;= W
 *   lr(t) = floor + (peak - floor) * (1 + cos(pi * (t - W) / (T - W))) / 2   for W &lt; t &lt;= T
 *   lr(t) = floor                                                 for t &gt; T
 * </pre>
 *
 * @param peak learning rate at the end of warm-up, finite and positive
 * @param warmupSteps W, steps of linear warm-up; 0 starts at the peak
 * @param totalSteps T, the step at which the floor is reached; more than {@code warmupSteps}
 * @param floor learning rate after decay, in [0, peak]
 */
public record WarmupCosineSchedule(double peak, long warmupSteps, long totalSteps, double floor)
        implements LearningRateSchedule {

    public WarmupCosineSchedule {
        if (!(peak > 0) || !Double.isFinite(peak)) {
            throw new IllegalArgumentException("peak learning rate is " + peak + "; it must be finite and positive");
        }
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("warm-up " + warmupSteps + " and total " + totalSteps
                    + " steps are invalid; need 0 <= warmupSteps < totalSteps");
        }
        if (!(floor >= 0) || floor > peak) {
            throw new IllegalArgumentException("learning-rate floor is " + floor + "; it must be in [0, " + peak + "]");
        }
    }

    @Override
    public double at(long step) {
        requirePositiveStep(step);
        if (step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        if (step >= totalSteps) {
            return floor;
        }
        double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("schedule", "warmup-cosine", "peakLearningRate", Double.toString(peak),
                "warmupSteps", Long.toString(warmupSteps), "totalSteps", Long.toString(totalSteps),
                "floorLearningRate", Double.toString(floor));
    }

    static void requirePositiveStep(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("step is " + step + "; learning-rate schedules count from step 1");
        }
    }
}
