package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * Network and data settings of {@link LstmOperator#train}; build with {@link #builder()}. Immutable.
 *
 * <p>Defaults follow the reference work: window of 5 frames, two LSTM layers of 64 units, batch 128,
 * 20 % of the trajectories held out for validation.
 */
public final class LstmOptions {
    private final int windowLength;
    private final int hiddenSize;
    private final int layers;
    private final int batchSize;
    private final double validationFraction;
    private final PredictionTarget target;
    private final boolean standardize;
    private final double incrementTail;
    private final double inputNoise;
    private final int rolloutSteps;
    private final FrameFeatures features;
    private final JsonNode metadata;

    private LstmOptions(Builder builder) {
        this.windowLength = builder.windowLength;
        this.hiddenSize = builder.hiddenSize;
        this.layers = builder.layers;
        this.batchSize = builder.batchSize;
        this.validationFraction = builder.validationFraction;
        this.target = builder.target;
        this.standardize = builder.standardize;
        this.incrementTail = builder.incrementTail;
        this.inputNoise = builder.inputNoise;
        this.rolloutSteps = builder.rolloutSteps;
        this.features = builder.features;
        this.metadata = builder.metadata;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns S_R, the frames in the input window. */
    public int windowLength() {
        return windowLength;
    }

    /** Returns the units per LSTM layer. */
    public int hiddenSize() {
        return hiddenSize;
    }

    public int layers() {
        return layers;
    }

    /** Returns the windows per training step, drawn with replacement. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the share of trajectories held out for validation, in [0, 1). */
    public double validationFraction() {
        return validationFraction;
    }

    /** Returns what the network predicts; residual targets get their own scaling. */
    public PredictionTarget target() {
        return target;
    }

    /**
     * Returns true when inputs and residual targets are standardized per component, false for min-max
     * scaling to [-1, 1] (residuals by quantiles, see {@link #incrementTail()}).
     */
    public boolean standardize() {
        return standardize;
    }

    /**
     * Returns the share of residuals left outside the min-max range at each end; see
     * {@link MinMaxScaling#fitQuantiles}. Unused when standardizing.
     */
    public double incrementTail() {
        return incrementTail;
    }

    /** Returns the standard deviation of the Gaussian noise added to training inputs, in scaled units. */
    public double inputNoise() {
        return inputNoise;
    }

    /**
     * Returns K, the operator steps that training unrolls on its own predictions (see
     * {@link UnrolledBatches}); 1 for ordinary one-step training.
     */
    public int rolloutSteps() {
        return rolloutSteps;
    }

    /** Returns the per-frame features appended to every input frame, or empty for none. */
    public Optional<FrameFeatures> features() {
        return Optional.ofNullable(features);
    }

    /** Returns caller metadata (system, time steps, frame layout) saved in every checkpoint. */
    public JsonNode metadata() {
        return metadata;
    }

    /** Returns the network structure for frames of {@code frameSize} values. */
    public LstmArchitecture architecture(int frameSize) {
        int featureSize = features == null ? 0 : features.size();
        return new LstmArchitecture(frameSize, featureSize, windowLength, hiddenSize, layers);
    }

    /** Collects settings; every one is optional and checked in {@link #build()}. */
    public static final class Builder {
        private int windowLength = 5;
        private int hiddenSize = 64;
        private int layers = 2;
        private int batchSize = 128;
        private double validationFraction = 0.2;
        private PredictionTarget target = PredictionTarget.NEXT_FRAME;
        private boolean standardize;
        private double incrementTail = 0.01;
        private double inputNoise;
        private int rolloutSteps = 1;
        private FrameFeatures features;
        private JsonNode metadata = JsonNodeFactory.instance.objectNode();

        private Builder() {
        }

        /** Sets S_R, the frames in the input window, at least 1; default 5. */
        public Builder optWindowLength(int frames) {
            this.windowLength = frames;
            return this;
        }

        /** Sets the units per LSTM layer, at least 1; default 64. */
        public Builder optHiddenSize(int units) {
            this.hiddenSize = units;
            return this;
        }

        /** Sets the number of LSTM layers, at least 1; default 2. */
        public Builder optLayers(int count) {
            this.layers = count;
            return this;
        }

        /** Sets the windows per training step, at least 1; default 128. */
        public Builder optBatchSize(int windows) {
            this.batchSize = windows;
            return this;
        }

        /** Sets the share of trajectories held out for validation, in [0, 1); default 0.2. */
        public Builder optValidationFraction(double fraction) {
            this.validationFraction = fraction;
            return this;
        }

        /**
         * Sets what the network predicts; default {@link PredictionTarget#NEXT_FRAME}, as in the reference
         * work. Residuals are far smaller than the frames, so their scaled errors map to smaller frame errors.
         */
        public Builder optTarget(PredictionTarget value) {
            this.target = value;
            return this;
        }

        /**
         * Standardizes inputs and residual targets per component instead of min-max scaling them; default
         * false, the reference work's min-max scaling.
         */
        public Builder optStandardize(boolean value) {
            this.standardize = value;
            return this;
        }

        /**
         * Sets the standard deviation of Gaussian noise added to every training input, in scaled units, at
         * least 0; default 0. A residual target is corrected for the noise of its base, so the network
         * learns to pull a perturbed trajectory back rather than to carry the perturbation on.
         */
        public Builder optInputNoise(double std) {
            this.inputNoise = std;
            return this;
        }

        /**
         * Sets K, the operator steps that each training example unrolls: the network's prediction is fed
         * back into its window K times and the loss averages the error of every predicted frame, with the
         * gradient through the predictions. At least 1; default 1, one-step training. Costs about K times
         * the training time per step. Not combined with features or input noise.
         *
         * <p>NOTE: K = 8 diverged (gradient not finite) on a 1-D double well at a peak learning rate of 3e-3,
         * where K = 4 trained; larger K may need a lower rate.
         */
        public Builder optRolloutSteps(int steps) {
            this.rolloutSteps = steps;
            return this;
        }

        /**
         * Sets the share of increments left outside the fitted [-1, 1] range at each end, in [0, 0.5);
         * default 0.01. Zero gives the plain min-max range.
         */
        public Builder optIncrementTail(double share) {
            this.incrementTail = share;
            return this;
        }

        /**
         * Appends per-frame features to every input frame; default none. Training, prediction and rollouts
         * then need each trajectory's parameters, and the features' description is saved in every
         * checkpoint, so that {@link LstmOperator#load(java.nio.file.Path, FrameFeatures.Factory)} rebuilds
         * them. Not combined with input noise.
         */
        public Builder optFeatures(FrameFeatures value) {
            this.features = value;
            return this;
        }

        public Builder optMetadata(JsonNode metadata) {
            this.metadata = metadata;
            return this;
        }

        public LstmOptions build() {
            if (windowLength < 1 || hiddenSize < 1 || layers < 1) {
                throw new IllegalArgumentException("windowLength " + windowLength + ", hiddenSize " + hiddenSize
                        + " and layers " + layers + " must each be at least 1");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize is " + batchSize + "; it must be at least 1");
            }
            if (!(validationFraction >= 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validationFraction is " + validationFraction
                        + "; it must be in [0, 1), e.g. 0.2");
            }
            if (target == null) {
                throw new IllegalArgumentException("target is null; pass a PredictionTarget such as NEXT_FRAME");
            }
            if (windowLength < target.minimumWindow()) {
                throw new IllegalArgumentException("target " + target + " needs a window of at least "
                        + target.minimumWindow() + " frames, not " + windowLength
                        + "; lengthen the window or choose another target");
            }
            if (!(inputNoise >= 0) || !Double.isFinite(inputNoise)) {
                throw new IllegalArgumentException("inputNoise is " + inputNoise + "; it must be finite and at least 0");
            }
            if (features != null && features.size() < 1) {
                throw new IllegalArgumentException("features " + features.toJson() + " have size " + features.size()
                        + "; per-frame features need at least one value, or pass none");
            }
            // NOTE: noisy positions would need their features recomputed from the noisy frame. The batches
            // cannot do that without each window's parameters, so the two are not combined yet.
            if (features != null && inputNoise > 0) {
                throw new IllegalArgumentException("inputNoise is " + inputNoise + " with features "
                        + features.toJson() + "; input noise is not supported with per-frame features, so set it to 0");
            }
            if (target == PredictionTarget.STEP_CORRECTION && (features == null || !features.hasStep())) {
                throw new IllegalArgumentException("target " + target + " needs features that offer a step, but "
                        + (features == null ? "no features were given" : "the features " + features.toJson()
                                + " offer none") + "; pass such features or choose another target");
            }
            if (rolloutSteps < 1) {
                throw new IllegalArgumentException("rolloutSteps is " + rolloutSteps + "; it must be at least 1 (1 trains"
                        + " one step ahead)");
            }
            // NOTE: predicted frames would need their features recomputed inside the loss. The loss runs on
            // NDArrays and the features are Java code, so the two are not combined.
            if (rolloutSteps > 1 && (features != null || inputNoise > 0)) {
                throw new IllegalArgumentException("rolloutSteps is " + rolloutSteps + " with "
                        + (features != null ? "features " + features.toJson() : "inputNoise " + inputNoise)
                        + "; unrolled training works without per-frame features and input noise, so set rolloutSteps"
                        + " to 1 or remove them");
            }
            if (!(incrementTail >= 0 && incrementTail < 0.5)) {
                throw new IllegalArgumentException("incrementTail is " + incrementTail + "; it must be in [0, 0.5)");
            }
            if (metadata == null) {
                throw new IllegalArgumentException("metadata is null; pass an empty JSON object instead");
            }
            return new LstmOptions(this);
        }
    }
}
