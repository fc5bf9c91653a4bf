package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
    private final boolean predictIncrements;
    private final double incrementTail;
    private final JsonNode metadata;

    private LstmOptions(Builder builder) {
        this.windowLength = builder.windowLength;
        this.hiddenSize = builder.hiddenSize;
        this.layers = builder.layers;
        this.batchSize = builder.batchSize;
        this.validationFraction = builder.validationFraction;
        this.predictIncrements = builder.predictIncrements;
        this.incrementTail = builder.incrementTail;
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

    /**
     * Returns true when the network predicts the increment {@code x_{n+1} - x_n} over the window's last
     * frame rather than the next frame itself; the increments get their own min-max scaling.
     */
    public boolean predictIncrements() {
        return predictIncrements;
    }

    /** Returns the share of increments left outside the fitted range at each end; see {@link MinMaxScaling#fitIncrements}. */
    public double incrementTail() {
        return incrementTail;
    }

    /** Returns caller metadata (system, time steps, frame layout) saved in every checkpoint. */
    public JsonNode metadata() {
        return metadata;
    }

    /** Returns the network structure for frames of {@code frameSize} values. */
    public LstmArchitecture architecture(int frameSize) {
        return new LstmArchitecture(frameSize, windowLength, hiddenSize, layers);
    }

    /** Collects settings; every one is optional and checked in {@link #build()}. */
    public static final class Builder {
        private int windowLength = 5;
        private int hiddenSize = 64;
        private int layers = 2;
        private int batchSize = 128;
        private double validationFraction = 0.2;
        private boolean predictIncrements;
        private double incrementTail = 0.01;
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
         * Makes the network predict the increment {@code x_{n+1} - x_n} instead of the next frame; default
         * false. Increments are far smaller than the frames, so their scaled errors map to smaller frame errors.
         */
        public Builder optPredictIncrements(boolean increments) {
            this.predictIncrements = increments;
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
