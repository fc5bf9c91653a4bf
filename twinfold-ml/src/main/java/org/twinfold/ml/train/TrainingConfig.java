package org.twinfold.ml.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Settings of a {@link TrainingLoop}; build with {@link #builder()}. Immutable.
 *
 * <p>Required: {@code totalSteps}, {@code seed} and {@code schedule}. Optional, with defaults:
 * optimizer Adam (0.9, 0.999, 1e-8, no decay); no gradient clipping; no EMA; divergence factor 1e4;
 * a checkpoint every 1,000 steps, keeping the newest 3.
 */
public final class TrainingConfig {
    private final long totalSteps;
    private final long seed;
    private final LearningRateSchedule schedule;
    private final AdamSettings optimizer;
    private final OptionalDouble maxGradientNorm;
    private final OptionalDouble emaDecay;
    private final double divergenceFactor;
    private final long checkpointEvery;
    private final int keepCheckpoints;

    private TrainingConfig(Builder builder) {
        this.totalSteps = builder.totalSteps;
        this.seed = builder.seed;
        this.schedule = builder.schedule;
        this.optimizer = builder.optimizer;
        this.maxGradientNorm = builder.maxGradientNorm;
        this.emaDecay = builder.emaDecay;
        this.divergenceFactor = builder.divergenceFactor;
        this.checkpointEvery = builder.checkpointEvery;
        this.keepCheckpoints = builder.keepCheckpoints;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the step at which training ends. */
    public long totalSteps() {
        return totalSteps;
    }

    /** Returns the run seed; with the step it fixes every random draw. */
    public long seed() {
        return seed;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    public AdamSettings optimizer() {
        return optimizer;
    }

    /** Returns the global gradient-norm limit; empty when clipping is off. */
    public OptionalDouble maxGradientNorm() {
        return maxGradientNorm;
    }

    /** Returns the EMA decay; empty when no moving average is kept. */
    public OptionalDouble emaDecay() {
        return emaDecay;
    }

    public double divergenceFactor() {
        return divergenceFactor;
    }

    /** Returns the interval between checkpoints, in steps; the final step is always saved. */
    public long checkpointEvery() {
        return checkpointEvery;
    }

    /** Returns how many of the newest checkpoints are kept; older ones are deleted. */
    public int keepCheckpoints() {
        return keepCheckpoints;
    }

    /** Returns every setting as strings, for provenance records. */
    public Map<String, String> describe() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("totalSteps", Long.toString(totalSteps));
        values.put("seed", Long.toString(seed));
        values.putAll(new TreeMap<>(schedule.describe()));
        values.putAll(optimizer.describe());
        values.put("maxGradientNorm", maxGradientNorm.isPresent() ? Double.toString(maxGradientNorm.getAsDouble()) : "off");
        values.put("emaDecay", emaDecay.isPresent() ? Double.toString(emaDecay.getAsDouble()) : "off");
        values.put("divergenceFactor", Double.toString(divergenceFactor));
        values.put("checkpointEvery", Long.toString(checkpointEvery));
        values.put("keepCheckpoints", Integer.toString(keepCheckpoints));
        return values;
    }

    /** Collects settings; {@code setX} are required, {@code optX} optional, all checked in {@link #build()}. */
    public static final class Builder {
        private long totalSteps;
        private Long seedValue;
        private long seed;
        private LearningRateSchedule schedule;
        private AdamSettings optimizer = AdamSettings.adam();
        private OptionalDouble maxGradientNorm = OptionalDouble.empty();
        private OptionalDouble emaDecay = OptionalDouble.empty();
        private double divergenceFactor = 1e4;
        private long checkpointEvery = 1000;
        private int keepCheckpoints = 3;

        private Builder() {
        }

        /** Sets the step at which training ends, at least 1. */
        public Builder setTotalSteps(long steps) {
            this.totalSteps = steps;
            return this;
        }

        /** Sets the run seed; there is no default, so every run records a chosen seed. */
        public Builder setSeed(long seed) {
            this.seedValue = seed;
            this.seed = seed;
            return this;
        }

        public Builder setSchedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder optOptimizer(AdamSettings settings) {
            this.optimizer = settings;
            return this;
        }

        /** Turns on clipping by global norm at {@code maxNorm}, positive. */
        public Builder optMaxGradientNorm(double maxNorm) {
            this.maxGradientNorm = OptionalDouble.of(maxNorm);
            return this;
        }

        /** Keeps an exponential moving average of the weights with this decay, in (0, 1). */
        public Builder optEmaDecay(double decay) {
            this.emaDecay = OptionalDouble.of(decay);
            return this;
        }

        /** Sets the loss ratio to the running minimum that counts as divergence, above 1; default 1e4. */
        public Builder optDivergenceFactor(double factor) {
            this.divergenceFactor = factor;
            return this;
        }

        /** Sets the checkpoint interval in steps, at least 1; default 1,000. */
        public Builder optCheckpointEvery(long steps) {
            this.checkpointEvery = steps;
            return this;
        }

        /** Sets how many newest checkpoints to keep, at least 1; default 3. */
        public Builder optKeepCheckpoints(int count) {
            this.keepCheckpoints = count;
            return this;
        }

        public TrainingConfig build() {
            if (totalSteps < 1) {
                throw new IllegalArgumentException("totalSteps is " + totalSteps + "; it must be at least 1");
            }
            if (seedValue == null) {
                throw new IllegalArgumentException("seed is not set; call setSeed so that the run can be replayed");
            }
            if (schedule == null) {
                throw new IllegalArgumentException("learning-rate schedule is not set; call setSchedule, e.g. "
                        + "LearningRateSchedule.constant(1e-3)");
            }
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer settings are null; use AdamSettings.adam()");
            }
            if (maxGradientNorm.isPresent() && !(maxGradientNorm.getAsDouble() > 0)) {
                throw new IllegalArgumentException("maximum gradient norm is " + maxGradientNorm.getAsDouble()
                        + "; it must be positive");
            }
            if (emaDecay.isPresent() && !(emaDecay.getAsDouble() > 0 && emaDecay.getAsDouble() < 1)) {
                throw new IllegalArgumentException("EMA decay is " + emaDecay.getAsDouble() + "; it must be in (0, 1)");
            }
            if (!(divergenceFactor > 1) || !Double.isFinite(divergenceFactor)) {
                throw new IllegalArgumentException("divergence factor is " + divergenceFactor
                        + "; it must be finite and above 1, e.g. 1e4");
            }
            if (checkpointEvery < 1) {
                throw new IllegalArgumentException("checkpoint interval is " + checkpointEvery
                        + " steps; it must be at least 1");
            }
            if (keepCheckpoints < 1) {
                throw new IllegalArgumentException("keepCheckpoints is " + keepCheckpoints + "; it must be at least 1");
            }
            return new TrainingConfig(this);
        }
    }
}
